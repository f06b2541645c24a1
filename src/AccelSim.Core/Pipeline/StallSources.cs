using System.Globalization;
using AccelSim.Simulation;
using AccelSim.Workloads;

namespace AccelSim.Pipeline;

/// <summary>
/// A layer's stall cycles by what caused them, "level/tensor" (the simulator's attribution), in whole cycles that add up
/// exactly to the layer's stall cycles: the simulator's fractional attributions are rounded by largest remainder. Written
/// to layers.csv as <c>stall_sources</c> ("DRAM/weights=49152;GlobalBuffer/inputs=504"), so the latency figure can split
/// its stalls without re-simulating.
/// </summary>
public static class StallSources
{
    /// <summary>The sources of <paramref name="total"/> stall cycles, largest first, in whole cycles summing to it.</summary>
    public static IReadOnlyList<(string Source, long Cycles)> Of(IReadOnlyList<StallRecord> stalls, long total)
    {
        var parts = stalls.Where(s => s.Cycles > 0).Select(s => (Source: $"{s.Level}/{Tensors.Key(s.Tensor)}", s.Cycles)).ToList();
        if (total <= 0 || parts.Count == 0) return [];
        double sum = parts.Sum(p => p.Cycles);
        // Scale to the integer total (the simulator's total is rounded up at the end), then hand out the remainder.
        var scaled = parts.Select(p => (p.Source, Exact: p.Cycles / sum * total)).ToList();
        var whole = scaled.Select(p => (p.Source, Cycles: (long)Math.Floor(p.Exact), Remainder: p.Exact - Math.Floor(p.Exact))).ToList();
        long missing = total - whole.Sum(w => w.Cycles);
        var order = whole.Select((w, i) => (w, i)).OrderByDescending(x => x.w.Remainder).ThenBy(x => x.i).Select(x => x.i).ToList();
        var result = whole.Select(w => (w.Source, w.Cycles)).ToArray();
        for (int k = 0; k < missing; k++) result[order[k % order.Count]].Cycles++;
        return result.Where(r => r.Cycles > 0).OrderByDescending(r => r.Cycles).ThenBy(r => r.Source, StringComparer.Ordinal).ToList();
    }

    /// <summary>The layers.csv text of <paramref name="sources"/>.</summary>
    public static string Format(IReadOnlyList<(string Source, long Cycles)> sources) =>
        string.Join(";", sources.Select(s => $"{s.Source}={s.Cycles.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Parses the layers.csv text back; null when it is malformed.</summary>
    public static IReadOnlyList<(string Source, long Cycles)>? Parse(string text)
    {
        var result = new List<(string, long)>();
        foreach (var item in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = item.LastIndexOf('=');
            if (eq <= 0 || !long.TryParse(item[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out long cycles)) return null;
            result.Add((item[..eq], cycles));
        }
        return result;
    }
}
