namespace AccelSim.Plots.Figures;

/// <summary>
/// latency-breakdown: each layer's simulated cycles split into parts that add up exactly: ideal cycles (MACs at full
/// array use), spatial under-use (compute cycles beyond ideal: MAC units the mapping leaves idle, partial folds),
/// fill/drain (systolic) and stalls (waiting for data) by the level and tensor that caused them; layers without MACs
/// spend their compute cycles on the vector unit.
/// </summary>
public static class LatencyBreakdownFigure
{
    public const string Name = "latency-breakdown";

    /// <summary>The fixed parts; stalls are split into one part per cause between fill/drain and the vector unit.</summary>
    public static IReadOnlyList<string> FixedParts { get; } = ["ideal (full array)", "spatial under-use", "fill/drain", "vector unit"];

    /// <summary>The part stalls go to when a layer's causes are unknown (a results folder written before stall_sources).</summary>
    public const string UnattributedStalls = "stalls (cause not recorded)";

    /// <summary>
    /// The parts of the layers' cycles in stacking order: ideal, spatial under-use, fill/drain, then one "stalls: level/tensor"
    /// part per cause (largest over the model first), then the vector unit.
    /// </summary>
    public static IReadOnlyList<string> Parts(IReadOnlyList<LayerFigureData> layers)
    {
        var causes = layers.SelectMany(l => l.StallSources).GroupBy(s => s.Source)
            .Select(g => (Source: g.Key, Cycles: g.Sum(s => s.Cycles))).OrderByDescending(g => g.Cycles).ThenBy(g => g.Source, StringComparer.Ordinal)
            .Select(g => $"stalls: {g.Source}").ToList();
        if (layers.Any(l => l.StallCycles > 0 && l.StallSources.Count == 0)) causes.Add(UnattributedStalls);
        return [.. FixedParts.Take(3), .. causes, FixedParts[3]];
    }

    /// <summary>The parts of one layer's cycles, in <paramref name="parts"/> order; they sum to <see cref="LayerFigureData.Cycles"/>.</summary>
    public static double[] Split(LayerFigureData layer, double peakMacsPerCycle, IReadOnlyList<string> parts)
    {
        var values = new double[parts.Count];
        double compute = layer.ComputeCycles;
        values[2] = layer.FillDrainCycles;
        if (layer.StallSources.Count > 0)
            foreach (var (source, cycles) in layer.StallSources) values[IndexOf(parts, $"stalls: {source}")] += cycles;
        else if (layer.StallCycles > 0) values[IndexOf(parts, UnattributedStalls)] += layer.StallCycles;
        if (layer.Macs == 0 || peakMacsPerCycle <= 0)
        {
            values[^1] = compute;
            return values;
        }
        // Ideal can exceed the compute cycles only if a row claims more MACs per cycle than the peak; keep the sum exact.
        double ideal = Math.Min(compute, layer.Macs / peakMacsPerCycle);
        values[0] = ideal;
        values[1] = compute - ideal;
        return values;
    }

    private static int IndexOf(IReadOnlyList<string> parts, string part)
    {
        for (int i = 0; i < parts.Count; i++) if (parts[i] == part) return i;
        throw new ArgumentException($"no part '{part}'", nameof(part));
    }

    /// <summary>Stacked horizontal bars, one per row of <see cref="LayerSelection.ForBars"/>.</summary>
    public static BarChartSpec Spec(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var rows = LayerSelection.ForBars(layers);
        var parts = Parts(rows);
        var splits = rows.Select(l => Split(l, roofline.PeakMacsPerCycle, parts)).ToArray();
        // Compute parts keep their colours and the vector unit its grey; stall causes take the palette's other colours in turn
        // (vermillion for the largest), so no cause shares a colour with a compute part.
        string[] fixedColors = [Palette.Colors[2], Palette.Colors[1], Palette.Colors[5]];
        int[] stallColors = [3, 0, 4, 7, 6, 9, 10];
        string ColorOf(int p) => p < 3 ? fixedColors[p] : p == parts.Count - 1 ? Palette.Colors[8] : Palette.Colors[stallColors[(p - 3) % stallColors.Length]];
        var series = parts.Select((part, p) => new BarSeries(part, splits.Select(s => s[p]).ToArray(),
            rows.Select(l => $"{NumberText.Exact(l.Cycles)} cycles in the layer").ToArray(), ColorOf(p))).ToArray();
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
            Note = $"Ideal = MACs / {NumberText.Ratio(roofline.PeakMacsPerCycle)} MAC units; stalls by the level and tensor that caused them; " +
                "the parts add up to the simulated cycles. " + FigureSupport.SelectionNote(rows),
        };
    }

    public static Figure Build(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null) =>
        Figure.Draw(Name, Spec(layers, roofline, options));
}
