namespace AccelSim.Plots.Figures;

/// <summary>
/// divergence: each layer's share of the model's MACs, energy and latency side by side (horizontal bars, layer names
/// down the left). Where the three bars of a layer differ, its MAC count mispredicts what it costs.
/// </summary>
public static class DivergenceFigure
{
    public const string Name = "divergence";

    /// <summary>Grouped bars, series "MACs", "energy", "latency", values in percent of the model total, rows from <see cref="LayerSelection.ForBars"/>.</summary>
    public static BarChartSpec Spec(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var rows = LayerSelection.ForBars(layers);
        double macs = layers.Sum(l => (double)l.Macs);
        double energy = layers.Sum(l => l.EnergyPj);
        double cycles = layers.Sum(l => (double)l.Cycles);
        BarSeries Series(string name, Func<LayerFigureData, double> value, double total, string unit, int color) => new(
            name,
            rows.Select(l => FigureSupport.Share(value(l), total)).ToArray(),
            rows.Select(l => $"{NumberText.Exact(value(l))} {unit} of {NumberText.Exact(total)} {unit} in the model").ToArray(),
            Palette.Color(color));
        return new BarChartSpec(
            $"Share of {options.ModelName}'s MACs, energy and latency per layer",
            FigureSupport.Categories(rows, l => $"MACs {NumberText.Ratio(FigureSupport.Share(l.Macs, macs))}%, energy {NumberText.Ratio(FigureSupport.Share(l.EnergyPj, energy))}%, latency {NumberText.Ratio(FigureSupport.Share(l.Cycles, cycles))}%"),
            new AxisSpec("layer"),
            new AxisSpec("share of model total", "%"),
            [
                Series("MACs", l => l.Macs, macs, "MACs", 7),
                Series("energy", l => l.EnergyPj, energy, options.EnergyUnit, 1),
                Series("latency", l => l.Cycles, cycles, "cycles", 0),
            ])
        {
            Horizontal = true,
            ScaleIgnoresLast = FigureSupport.Aggregated(rows),
            Note = "Where a layer's energy or latency bar differs from its MAC bar, MACs mispredict its cost. " + FigureSupport.SelectionNote(rows),
        };
    }

    public static Figure Build(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null) => Figure.Draw(Name, Spec(layers, options));
}
