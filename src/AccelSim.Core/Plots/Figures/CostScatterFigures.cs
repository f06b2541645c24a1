namespace AccelSim.Plots.Figures;

/// <summary>
/// macs-vs-energy.svg and macs-vs-latency.svg: one point per layer on log-log axes with the line of proportionality
/// through the model's average cost per MAC. A layer far above the line costs more than its MACs suggest.
/// </summary>
public static class CostScatterFigures
{
    public const string EnergyFileName = "macs-vs-energy.svg";
    public const string LatencyFileName = "macs-vs-latency.svg";

    public static ScatterChartSpec EnergySpec(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        return Spec(layers, options, l => l.EnergyPj, new AxisSpec("energy", options.EnergyUnit), $"{options.EnergyUnit}/MAC",
            $"MACs vs energy per layer, {options.ModelName}", "energy");
    }

    public static ScatterChartSpec LatencySpec(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        return Spec(layers, options, l => l.Cycles, new AxisSpec("latency", "cycles"), "cycles/MAC",
            $"MACs vs latency per layer, {options.ModelName}", "latency");
    }

    public static Figure MacsVsEnergy(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null, IChartRenderer? renderer = null) =>
        FigureSupport.Render(EnergyFileName, EnergySpec(layers, options), renderer);

    public static Figure MacsVsLatency(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null, IChartRenderer? renderer = null) =>
        FigureSupport.Render(LatencyFileName, LatencySpec(layers, options), renderer);

    private static ScatterChartSpec Spec(IReadOnlyList<LayerFigureData> layers, FigureOptions options, Func<LayerFigureData, double> cost,
        AxisSpec yAxis, string perMacUnit, string title, string what)
    {
        // The model's average over all layers, including those without MACs: that is the cost per MAC a MAC count implies.
        double macs = layers.Sum(l => (double)l.Macs);
        double k = macs > 0 ? layers.Sum(cost) / macs : double.NaN;
        var series = FigureSupport.ByKind(layers).Select(g => new PointSeries(g.Key, g.Select(l => new ChartPoint(
            l.Macs, cost(l), l.Layer,
            l.Macs > 0 && k > 0 ? $"{NumberText.Ratio(cost(l) / l.Macs / k)}× the model's average {what} per MAC" : null)).ToArray())).ToArray();
        var line = double.IsFinite(k) && k > 0 ? new ProportionalityLine(k, $"model average: {NumberText.Ratio(k)} {perMacUnit}") : null;
        return new ScatterChartSpec(title, new AxisSpec("MACs", null, AxisScale.Log), yAxis with { Scale = AxisScale.Log }, series, line)
        {
            Note = $"One point per layer. On the dashed line {what} is proportional to MACs at the model's average; layers far from it cost what their MACs do not predict.",
        };
    }
}
