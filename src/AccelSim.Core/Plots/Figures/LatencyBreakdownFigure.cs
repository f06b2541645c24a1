namespace AccelSim.Plots.Figures;

/// <summary>
/// latency-breakdown: each layer's simulated cycles split into parts that add up exactly: ideal cycles (MACs at full
/// array use), spatial under-use (compute cycles beyond ideal: MAC units the mapping leaves idle, partial folds),
/// fill/drain (systolic) and stalls (waiting for data); layers without MACs spend their compute cycles on the vector unit.
/// </summary>
public static class LatencyBreakdownFigure
{
    public const string Name = "latency-breakdown";

    /// <summary>The parts, in stacking order.</summary>
    public static IReadOnlyList<string> Parts { get; } = ["ideal (full array)", "spatial under-use", "fill/drain", "stalls", "vector unit"];

    /// <summary>The parts of one layer's cycles, in <see cref="Parts"/> order; they sum to <see cref="LayerFigureData.Cycles"/>.</summary>
    public static double[] Split(LayerFigureData layer, double peakMacsPerCycle)
    {
        double compute = layer.ComputeCycles;
        if (layer.Macs == 0 || peakMacsPerCycle <= 0) return [0, 0, layer.FillDrainCycles, layer.StallCycles, compute];
        // Ideal can exceed the compute cycles only if a row claims more MACs per cycle than the peak; keep the sum exact.
        double ideal = Math.Min(compute, layer.Macs / peakMacsPerCycle);
        return [ideal, compute - ideal, layer.FillDrainCycles, layer.StallCycles, 0];
    }

    /// <summary>Stacked horizontal bars, one per row of <see cref="LayerSelection.ForBars"/>.</summary>
    public static BarChartSpec Spec(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var rows = LayerSelection.ForBars(layers);
        var splits = rows.Select(l => Split(l, roofline.PeakMacsPerCycle)).ToArray();
        string[] colors = [Palette.Colors[2], Palette.Colors[1], Palette.Colors[5], Palette.Colors[3], Palette.Colors[8]];
        var series = Parts.Select((part, p) => new BarSeries(part, splits.Select(s => s[p]).ToArray(),
            rows.Select(l => $"{NumberText.Exact(l.Cycles)} cycles in the layer").ToArray(), colors[p])).ToArray();
        return new BarChartSpec(
            $"Where each layer's cycles go, {options.ModelName}",
            FigureSupport.Categories(rows, l => $"{NumberText.Compact(l.Cycles)} cycles"),
            new AxisSpec("layer"),
            new AxisSpec("latency", "cycles"),
            series,
            BarLayout.Stacked)
        {
            Horizontal = true,
            ScaleIgnoresLast = FigureSupport.Aggregated(rows),
            Note = $"Ideal = MACs / {NumberText.Ratio(roofline.PeakMacsPerCycle)} MAC units; the parts add up to the simulated cycles. " + FigureSupport.SelectionNote(rows),
        };
    }

    public static Figure Build(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null) =>
        Figure.Draw(Name, Spec(layers, roofline, options));
}
