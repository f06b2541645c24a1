using System.Globalization;
using System.Text.RegularExpressions;

namespace AccelSim.Tests.Support;

/// <summary>
/// The figures of a timeloop-model / timeloop-mapper <c>stats.txt</c> that the compatibility tests compare: per storage level
/// and data space the utilized instances and the per-instance scalar reads, fills and updates; per level the leakage and
/// fJ/Compute; MACs, cycles, utilization and the total energy.
/// </summary>
internal sealed partial class TimeloopStats
{
    public sealed record TensorStats(long Instances, long Reads, long Fills, long Updates, double Energy);

    public Dictionary<(string Level, string Tensor), TensorStats> Tensors { get; } = [];
    public Dictionary<string, double> FemtojoulesPerCompute { get; } = [];
    /// <summary>Levels whose instances Timeloop groups in clusters sharing one wide access (cluster size above 1).</summary>
    public HashSet<string> ClusteredLevels { get; } = [];
    public long Computes { get; private set; }
    public long Cycles { get; private set; }
    public double UtilizationPercent { get; private set; }
    public double MacEnergy { get; private set; }

    public static TimeloopStats Read(string path)
    {
        var stats = new TimeloopStats();
        string? level = null, tensor = null;
        var values = new Dictionary<string, string>();
        bool summary = false;
        void Flush()
        {
            if (level is null || tensor is null) return;
            stats.Tensors[(level, tensor)] = new TensorStats(Long(values["Utilized instances (max)"]), Long(values["Scalar reads (per-instance)"]),
                Long(values["Scalar fills (per-instance)"]), Long(values["Scalar updates (per-instance)"]), Double(values["Energy (total)"].Split(' ')[0]));
            values.Clear();
        }
        foreach (var line in File.ReadLines(path))
        {
            if (HeaderRegex().Match(line) is { Success: true } h) { Flush(); level = h.Groups[1].Value; tensor = null; continue; }
            if (line.StartsWith("Summary Stats", StringComparison.Ordinal)) { Flush(); level = null; summary = true; continue; }
            if (TensorRegex().Match(line) is { Success: true } t) { Flush(); tensor = t.Groups[1].Value; continue; }
            if (summary && FjRegex().Match(line) is { Success: true } fj) { stats.FemtojoulesPerCompute[fj.Groups[1].Value] = Double(fj.Groups[2].Value); continue; }
            if (!summary && FieldRegex().Match(line) is { Success: true } f)
            {
                string key = f.Groups[1].Value.Trim(), value = f.Groups[2].Value.Trim();
                if (tensor is not null) values[key] = value;
                else if (level is not null && key == "Cluster size" && Long(value) > 1) stats.ClusteredLevels.Add(level);
                else if (level == "mac" && key == "Computes (total)") stats.Computes = Long(value);
                else if (level == "mac" && key == "Energy (total)") stats.MacEnergy = Double(value.Split(' ')[0]);
            }
            if (summary && line.StartsWith("Cycles: ", StringComparison.Ordinal)) stats.Cycles = Long(line[8..]);
            if (summary && line.StartsWith("Utilization: ", StringComparison.Ordinal)) stats.UtilizationPercent = Double(line[13..].TrimEnd('%'));
        }
        return stats;
    }

    private static long Long(string s) => long.Parse(s, CultureInfo.InvariantCulture);
    private static double Double(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^=== (\S+) ===$")] private static partial Regex HeaderRegex();
    [GeneratedRegex(@"^    (Weights|Inputs|Outputs):$")] private static partial Regex TensorRegex();
    [GeneratedRegex(@"^\s+([^:]+?)\s*:\s*(.+)$")] private static partial Regex FieldRegex();
    [GeneratedRegex(@"^    (\S+)\s+=\s+([0-9.]+)$")] private static partial Regex FjRegex();
}
