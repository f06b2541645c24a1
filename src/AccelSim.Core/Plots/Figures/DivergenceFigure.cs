namespace AccelSim.Plots.Figures;

/// <summary>
/// divergence.svg: each layer's share of the model's MACs, energy and latency side by side, in layer order. Where the
/// three bars of a layer differ, its MAC count mispredicts what it costs.
/// </summary>
public static class DivergenceFigure
{
    public const string FileName = "divergence.svg";

    /// <summary>The chart spec: grouped bars, series "MACs", "energy", "latency", values in percent of the model total.</summary>
    public static BarChartSpec Spec(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        double macs = layers.Sum(l => (double)l.Macs);
        double energy = layers.Sum(l => l.EnergyPj);
        double cycles = layers.Sum(l => (double)l.Cycles);
        BarSeries Series(string name, Func<LayerFigureData, double> value, double total, string unit) => new(
            name,
            layers.Select(l => FigureSupport.Share(value(l), total)).ToArray(),
            layers.Select(l => $"{NumberText.Exact(value(l))} {unit} of {NumberText.Exact(total)} {unit} in the model").ToArray());
        return new BarChartSpec(
            $"Share of {options.ModelName}'s MACs, energy and latency per layer",
            layers.Select(l => l.Layer).ToArray(),
            new AxisSpec("layer (model order)"),
            new AxisSpec("share of model total", "%"),
            [
                Series("MACs", l => l.Macs, macs, "MACs"),
                Series("energy", l => l.EnergyPj, energy, options.EnergyUnit),
                Series("latency", l => l.Cycles, cycles, "cycles"),
            ])
        {
            Note = "Where a layer's energy or latency bar differs from its MAC bar, MACs mispredict its cost.",
        };
    }

    public static Figure Build(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null, IChartRenderer? renderer = null) =>
        FigureSupport.Render(FileName, Spec(layers, options), renderer);
}
