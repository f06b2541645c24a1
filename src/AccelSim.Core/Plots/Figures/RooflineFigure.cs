namespace AccelSim.Plots.Figures;

/// <summary>
/// roofline: each MAC layer at (MACs per DRAM word, achieved MACs per cycle) under the accelerator's compute roof and
/// DRAM bandwidth slope, by layer class, the most divergent layers labelled. Left of the ridge a layer is bandwidth-bound;
/// the gap to the roof is lost throughput.
/// </summary>
public static class RooflineFigure
{
    public const string Name = "roofline";

    public static RooflineChartSpec Spec(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        double peak = roofline.PeakMacsPerCycle;
        double bw = roofline.DramWordsPerCycle;
        var folded = LayerSelection.FoldFused(layers);
        var labelled = LayerSelection.MostDivergent(folded, LayerSelection.LabelledOutliers);
        var series = LayerClassStyles.ByClass(folded.Where(l => l.Macs > 0)).Select(g => new PointSeries(g.Key, g.Select(l =>
        {
            double roof = Math.Min(peak, bw * l.ArithmeticIntensity);
            string tip = roof > 0 && double.IsFinite(roof)
                ? $"{NumberText.Percent(FigureSupport.Share(l.AchievedMacsPerCycle, roof))} of the attainable {NumberText.Ratio(roof)} MACs/cycle; utilization {NumberText.Percent(l.Utilization * 100)}"
                : "";
            return new ChartPoint(l.ArithmeticIntensity, l.AchievedMacsPerCycle, l.Layer, tip) { Annotated = labelled.Contains(l.Layer) };
        }).ToArray(), LayerClassStyles.Of(g.Key))).ToArray();
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
            Height = 560,
            Note = "One point per MAC layer. Left of the bend a layer is starved by DRAM bandwidth; the distance below the roof is throughput lost to mapping and stalls. Layers without DRAM traffic have no intensity and are not drawn.",
        };
    }

    public static Figure Build(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null) =>
        Figure.Draw(Name, Spec(layers, roofline, options));
}
