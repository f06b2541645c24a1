namespace AccelSim.Plots.Figures;

/// <summary>
/// roofline.svg: each layer at (MACs per DRAM word, achieved MACs per cycle) under the accelerator's compute roof and
/// DRAM bandwidth slope. Layers left of the ridge are bandwidth-bound; the gap to the roof is lost throughput.
/// </summary>
public static class RooflineFigure
{
    public const string FileName = "roofline.svg";

    public static RooflineChartSpec Spec(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        double peak = roofline.PeakMacsPerCycle;
        double bw = roofline.DramWordsPerCycle;
        var series = FigureSupport.ByKind(layers).Select(g => new PointSeries(g.Key, g.Select(l =>
        {
            double roof = Math.Min(peak, bw * l.ArithmeticIntensity);
            string? tip = roof > 0 && double.IsFinite(roof)
                ? $"{NumberText.Percent(FigureSupport.Share(l.AchievedMacsPerCycle, roof))} of the attainable {NumberText.Ratio(roof)} MACs/cycle; utilization {NumberText.Percent(l.Utilization * 100)}"
                : null;
            return new ChartPoint(l.ArithmeticIntensity, l.AchievedMacsPerCycle, l.Layer, tip);
        }).ToArray())).ToArray();
        return new RooflineChartSpec(
            $"Roofline, {options.ModelName}",
            new AxisSpec("arithmetic intensity", "MACs/DRAM word", AxisScale.Log),
            new AxisSpec("achieved throughput", "MACs/cycle", AxisScale.Log),
            peak,
            bw,
            series,
            $"compute roof: {NumberText.Ratio(peak)} MACs/cycle",
            $"DRAM bandwidth: {NumberText.Ratio(bw)} words/cycle")
        {
            Note = "One point per layer. Left of the bend a layer is starved by DRAM bandwidth; the distance below the roof is throughput lost to mapping and stalls.",
        };
    }

    public static Figure Build(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null, IChartRenderer? renderer = null) =>
        FigureSupport.Render(FileName, Spec(layers, roofline, options), renderer);
}
