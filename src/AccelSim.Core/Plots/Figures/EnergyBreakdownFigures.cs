namespace AccelSim.Plots.Figures;

/// <summary>
/// energy-by-level (stacked bars per layer by storage level, network, MAC and vector unit) and energy-per-mac-by-class
/// (energy per MAC of each layer class, split the same way): where the energy goes, and which classes pay most per MAC.
/// </summary>
public static class EnergyBreakdownFigures
{
    public const string ByLevelName = "energy-by-level";
    public const string PerMacByClassName = "energy-per-mac-by-class";

    /// <summary>Stacked horizontal bars, one per row of <see cref="LayerSelection.ForBars"/>, one segment per level key.</summary>
    public static BarChartSpec ByLevelSpec(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var rows = LayerSelection.ForBars(layers);
        var levels = FigureSupport.Keys(rows.Select(l => l.EnergyByLevelPj));
        var series = levels.Select(level => new BarSeries(
            level,
            rows.Select(l => l.EnergyByLevelPj.GetValueOrDefault(level)).ToArray(),
            rows.Select(l => $"{NumberText.Percent(FigureSupport.Share(l.EnergyByLevelPj.GetValueOrDefault(level), l.EnergyPj))} of the layer's energy").ToArray()))
            .ToArray();
        return new BarChartSpec(
            $"Energy by storage level, per layer of {options.ModelName}",
            FigureSupport.Categories(rows, l => $"{NumberText.Compact(l.EnergyPj)} {options.EnergyUnit}"),
            new AxisSpec("layer"),
            new AxisSpec("energy", options.EnergyUnit),
            series,
            BarLayout.Stacked)
        {
            Horizontal = true,
            ScaleIgnoresLast = FigureSupport.Aggregated(rows),
            Note = "Each bar is one layer's energy split by where it is spent: storage levels, networks, the MACs and the vector unit. " + FigureSupport.SelectionNote(rows),
        };
    }

    /// <summary>
    /// Stacked bars, one per layer class with MACs: the class's energy per MAC split by level key. Element-wise/vector layers
    /// have no MACs; their energy is added to the class they are fused into when fused, otherwise left out (said in the note).
    /// </summary>
    public static BarChartSpec PerMacByClassSpec(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var folded = LayerSelection.FoldFused(layers);
        var classes = LayerClassStyles.ByClass(folded.Where(l => l.Macs > 0)).ToList();
        var levels = FigureSupport.Keys(folded.Select(l => l.EnergyByLevelPj));
        var series = levels.Select(level => new BarSeries(
            level,
            classes.Select(g => g.Sum(l => l.EnergyByLevelPj.GetValueOrDefault(level)) / g.Sum(l => (double)l.Macs)).ToArray(),
            classes.Select(g => $"{g.Count()} layers, {NumberText.Exact(g.Sum(l => (double)l.Macs))} MACs").ToArray())).ToArray();
        double unfused = folded.Where(l => l.Macs == 0).Sum(l => l.EnergyPj), total = folded.Sum(l => l.EnergyPj);
        return new BarChartSpec(
            $"Energy per MAC by layer class and storage level, {options.ModelName}",
            classes.Select(g => g.Key).ToArray(),
            new AxisSpec("layer class"),
            new AxisSpec("energy per MAC", $"{options.EnergyUnit}/MAC"),
            series,
            BarLayout.Stacked)
        {
            Horizontal = true,
            Height = 360,
            Note = $"Each bar: the class's energy over its MACs, split by where it is spent. Layers without MACs that are not fused into a producer ({NumberText.Percent(FigureSupport.Share(unfused, total))} of the model's energy) have no energy per MAC and are left out.",
        };
    }

    public static Figure ByLevel(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null) => Figure.Draw(ByLevelName, ByLevelSpec(layers, options));

    public static Figure PerMacByClass(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null) => Figure.Draw(PerMacByClassName, PerMacByClassSpec(layers, options));
}
