namespace AccelSim.Plots.Figures;

/// <summary>
/// roofline-levels: a hierarchical roofline. Every MAC layer appears once per bounded storage level, at (MACs per word
/// moved at that level, achieved MACs per cycle), under that level's roof (its read plus write words per cycle over all
/// instances, times the intensity) and the compute roof. The level whose roof sits lowest at a layer's intensity is the
/// one that can bind it; the figure shows which, where the DRAM-only roofline cannot (a depthwise layer bound by the
/// global buffer's ports, say).
/// </summary>
public static class LevelRooflineFigure
{
    public const string Name = "roofline-levels";

    public static RooflineChartSpec Spec(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var folded = LayerSelection.FoldFused(layers).Where(l => l.Macs > 0).ToList();
        var levels = roofline.Levels;
        var series = levels.Select((level, i) => new PointSeries(level.Level, folded
            .Where(l => l.WordsByLevel.GetValueOrDefault(level.Level) > 0)
            .Select(l => new ChartPoint(l.Macs / l.WordsByLevel[level.Level], l.AchievedMacsPerCycle, l.Layer,
                $"{NumberText.Ratio(l.Macs / l.WordsByLevel[level.Level])} MACs per {level.Level} word"))
            .ToArray(), new SeriesStyle(Palette.Color(i), (MarkerKind)(i % Enum.GetValues<MarkerKind>().Length)))).ToArray();
        var roofs = levels.Select((level, i) => new Roof($"{level.Level}: {NumberText.Ratio(level.WordsPerCycle)} words/cycle", level.WordsPerCycle, Palette.Color(i))).ToArray();
        return new RooflineChartSpec(
            $"Roofline per storage level, {options.ModelName}",
            new AxisSpec("arithmetic intensity", "MACs/word at the level", AxisScale.Log),
            new AxisSpec("achieved throughput", "MACs/cycle", AxisScale.Log),
            roofline.PeakMacsPerCycle,
            0,
            series,
            $"compute roof: {NumberText.Ratio(roofline.PeakMacsPerCycle)} MACs/cycle")
        {
            Roofs = roofs,
            Height = 560,
            Note = "Each MAC layer once per storage level, in that level's colour, at MACs per word the level moves; each dashed roof is a level's words per cycle over all its instances. A layer is held down by the level whose roof is lowest at its intensity.",
        };
    }

    public static Figure Build(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null) =>
        Figure.Draw(Name, Spec(layers, roofline, options));
}
