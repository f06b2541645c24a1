namespace AccelSim.Plots.Figures;

/// <summary>
/// Which layers the figures show, and how far each layer's cost departs from its MACs.
/// <para>Divergence of a layer: max(|energy share − MAC share|, |latency share − MAC share|), each share in percent of the
/// model's total (after fused activations are folded into their producer). A layer whose MACs predict its cost exactly
/// has divergence 0.</para>
/// </summary>
public static class LayerSelection
{
    /// <summary>Per-layer bar charts show every layer up to this many MAC layers; beyond it the top layers by divergence and one aggregate bar.</summary>
    public const int MaxBars = 40;

    /// <summary>How many of the most divergent layers scatter plots label by name.</summary>
    public const int LabelledOutliers = 5;

    /// <summary>
    /// Fused element-wise layers (FusedInto naming a layer present) added into their producer: energies, cycles and parts
    /// summed, MACs and the producer's name and class kept. Other layers pass through in order.
    /// </summary>
    public static IReadOnlyList<LayerFigureData> FoldFused(IReadOnlyList<LayerFigureData> layers)
    {
        var names = layers.Select(l => l.Layer).ToHashSet(StringComparer.Ordinal);
        var fused = layers.Where(l => l.FusedInto is { } p && names.Contains(p) && p != l.Layer)
            .GroupBy(l => l.FusedInto!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (fused.Count == 0) return layers;
        var result = new List<LayerFigureData>(layers.Count);
        foreach (var layer in layers)
        {
            if (layer.FusedInto is { } p && fused.ContainsKey(p) && p != layer.Layer) continue;
            result.Add(fused.TryGetValue(layer.Layer, out var extra) ? Merge(layer.Layer, layer.Class, layer.Kind, [layer, .. extra]) : layer);
        }
        return result;
    }

    /// <summary>The divergence of every layer (same order), in percentage points.</summary>
    public static IReadOnlyList<double> Divergence(IReadOnlyList<LayerFigureData> layers)
    {
        double macs = layers.Sum(l => (double)l.Macs), energy = layers.Sum(l => l.EnergyPj), cycles = layers.Sum(l => (double)l.Cycles);
        return layers.Select(l =>
        {
            double m = FigureSupport.Share(l.Macs, macs);
            return Math.Max(Math.Abs(FigureSupport.Share(l.EnergyPj, energy) - m), Math.Abs(FigureSupport.Share(l.Cycles, cycles) - m));
        }).ToArray();
    }

    /// <summary>The names of the <paramref name="count"/> most divergent layers (ties: model order).</summary>
    public static IReadOnlySet<string> MostDivergent(IReadOnlyList<LayerFigureData> layers, int count)
    {
        var d = Divergence(layers);
        return Enumerable.Range(0, layers.Count).OrderByDescending(i => d[i]).ThenBy(i => i).Take(count)
            .Select(i => layers[i].Layer).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The rows of a per-layer bar chart: with fused layers folded, every layer when there are at most <see cref="MaxBars"/>
    /// MAC layers; otherwise the <see cref="MaxBars"/> most divergent layers in model order and one last row
    /// "other N layers" summing the rest.
    /// </summary>
    public static IReadOnlyList<LayerFigureData> ForBars(IReadOnlyList<LayerFigureData> layers)
    {
        var folded = FoldFused(layers);
        if (folded.Count(l => l.Macs > 0) <= MaxBars && folded.Count <= MaxBars + 10) return folded;
        var top = MostDivergent(folded, MaxBars);
        var kept = folded.Where(l => top.Contains(l.Layer)).ToList();
        var rest = folded.Where(l => !top.Contains(l.Layer)).ToList();
        if (rest.Count > 0) kept.Add(Merge($"other {rest.Sum(l => l.Members)} layers", "other", "other", rest));
        return kept;
    }

    /// <summary>Several layers as one row: sums of MACs, energies and cycles; ratios recomputed.</summary>
    public static LayerFigureData Merge(string name, string layerClass, string kind, IReadOnlyList<LayerFigureData> parts)
    {
        long macs = parts.Sum(l => l.Macs), cycles = parts.Sum(l => l.Cycles);
        double utilization = cycles > 0 ? parts.Sum(l => l.Utilization * l.Cycles) / cycles : 0;
        double dramWords = parts.Sum(l => l.ArithmeticIntensity > 0 ? l.Macs / l.ArithmeticIntensity : 0);
        return new LayerFigureData(name, kind, macs, parts.Sum(l => l.EnergyPj), cycles, utilization,
            SumMaps(parts.Select(l => l.EnergyByLevelPj)), SumMaps(parts.Select(l => l.EnergyByTensorPj)),
            dramWords > 0 ? macs / dramWords : 0, cycles > 0 ? (double)macs / cycles : 0)
        {
            Class = layerClass,
            StallCycles = parts.Sum(l => l.StallCycles),
            // Causes add up only when every part with stalls recorded them; otherwise the row's stalls stay unattributed.
            StallSources = parts.Any(l => l.StallCycles > 0 && l.StallSources.Count == 0) ? []
                : parts.SelectMany(l => l.StallSources).GroupBy(s => s.Source).Select(g => (g.Key, g.Sum(s => s.Cycles))).ToList(),
            FillDrainCycles = parts.Sum(l => l.FillDrainCycles),
            WordsByLevel = SumMaps(parts.Select(l => l.WordsByLevel)),
            Members = parts.Sum(l => l.Members),
        };
    }

    private static Dictionary<string, double> SumMaps(IEnumerable<IReadOnlyDictionary<string, double>> maps)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var map in maps)
            foreach (var (key, value) in map) sum[key] = sum.GetValueOrDefault(key) + value;
        return sum;
    }
}
