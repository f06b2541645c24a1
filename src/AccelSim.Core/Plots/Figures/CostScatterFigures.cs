namespace AccelSim.Plots.Figures;

/// <summary>
/// macs-vs-energy and macs-vs-latency: one point per layer (fused activations folded in) on log-log axes, coloured and
/// shaped by layer class, the <see cref="LayerSelection.LabelledOutliers"/> most divergent layers labelled, with the line of
/// proportionality through the model's average cost per MAC. A layer far above the line costs more than its MACs suggest.
/// </summary>
public static class CostScatterFigures
{
    public const string EnergyName = "macs-vs-energy";
    public const string LatencyName = "macs-vs-latency";

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

    public static Figure MacsVsEnergy(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null) => Figure.Draw(EnergyName, EnergySpec(layers, options));

    public static Figure MacsVsLatency(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null) => Figure.Draw(LatencyName, LatencySpec(layers, options));

    private static ScatterChartSpec Spec(IReadOnlyList<LayerFigureData> layers, FigureOptions options, Func<LayerFigureData, double> cost,
        AxisSpec yAxis, string perMacUnit, string title, string what)
    {
        var folded = LayerSelection.FoldFused(layers);
        var labelled = LayerSelection.MostDivergent(folded, LayerSelection.LabelledOutliers);
        // The model's average over all layers, including those without MACs: that is the cost per MAC a MAC count implies.
        double macs = folded.Sum(l => (double)l.Macs);
        double k = macs > 0 ? folded.Sum(cost) / macs : double.NaN;
        // Layers without MACs cannot sit on a log MAC axis: they are drawn at a tenth of the smallest MAC count, at the left edge.
        double smallest = folded.Where(l => l.Macs > 0).Select(l => (double)l.Macs).DefaultIfEmpty(10).Min();
        double noMacsX = smallest / 10;
        var series = LayerClassStyles.ByClass(folded).Select(g => new PointSeries(
            g.Key == FigureLayerClass.Vector ? $"{g.Key} (no MACs, drawn at {NumberText.Compact(noMacsX)})" : g.Key,
            g.Select(l => new ChartPoint(l.Macs > 0 ? l.Macs : noMacsX, cost(l), l.Layer,
                l.Macs > 0 && k > 0 ? $"{NumberText.Ratio(cost(l) / l.Macs / k)}x the model's average {what} per MAC" : "no MACs")
            { Annotated = labelled.Contains(l.Layer) }).ToArray(),
            LayerClassStyles.Of(g.Key))).ToArray();
        var line = double.IsFinite(k) && k > 0 ? new ProportionalityLine(k, $"model average: {NumberText.Ratio(k)} {perMacUnit}") : null;
        return new ScatterChartSpec(title, new AxisSpec("MACs", null, AxisScale.Log), yAxis with { Scale = AxisScale.Log }, series, line)
        {
            Height = 560,
            Note = $"One point per layer. On the dashed line {what} is proportional to MACs at the model's average; the {LayerSelection.LabelledOutliers} layers whose cost departs most from their MACs are named.",
        };
    }
}
