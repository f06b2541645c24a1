using System.Globalization;
using System.Text.RegularExpressions;
using AccelSim.Architecture;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;

namespace AccelSim.Sweeps;

/// <summary>
/// Parses `--set KEY=V1,V2,...` into a <see cref="SweepAxis"/>. Keys: array (ROWSxCOLUMNS of the largest fan-out, i.e. Y x X, as
/// eyeriss' 12x14 reads), glb (capacity of the
/// largest on-chip SRAM), rf (capacity of the innermost register file; partitions scaled proportionally), dram_bw (DRAM read and
/// write words per cycle). Capacities are words or bytes with a unit, as in the arch format.
/// </summary>
public static partial class SweepKeys
{
    /// <summary>The known keys.</summary>
    public static IReadOnlyList<string> Names { get; } = ["array", "glb", "rf", "dram_bw"];

    [GeneratedRegex(@"^([0-9]+)x([0-9]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ArrayPattern();

    /// <summary>Parses one --set argument against <paramref name="arch"/> (which fixes word widths and which levels exist).</summary>
    public static SweepAxis Parse(string text, Accelerator arch)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0) throw Bad(text, "expected KEY=V1,V2,... (keys: " + string.Join(", ", Names) + ")");
        string key = text[..eq].Trim().ToLowerInvariant();
        var items = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries);
        if (items.Length == 0 || items.Any(string.IsNullOrEmpty)) throw Bad(text, "empty value");
        if (items.Distinct(StringComparer.OrdinalIgnoreCase).Count() != items.Length) throw Bad(text, "a value is listed twice");
        return key switch
        {
            "array" => new SweepAxis(key, "PEs", items.Select(v => ArrayValue(text, v)).ToArray()),
            "glb" => Capacity(text, key, items, arch, ArchVariants.BufferLevel(arch)),
            "rf" => Capacity(text, key, items, arch, ArchVariants.RegisterFileLevel(arch)),
            "dram_bw" => new SweepAxis(key, "DRAM words/cycle", items.Select(v => BandwidthValue(text, v)).ToArray()),
            _ => throw Bad(text, $"unknown key '{key}' (keys: {string.Join(", ", Names)})"),
        };
    }

    private static SweepValue ArrayValue(string text, string v)
    {
        var m = ArrayPattern().Match(v);
        // Rows x columns, the convention of the papers (Eyeriss "12x14": 12 rows, the Y axis, by 14 columns, the X axis).
        if (!m.Success || !int.TryParse(m.Groups[1].Value, out int rows) || !int.TryParse(m.Groups[2].Value, out int columns) || rows < 1 || columns < 1)
            throw Bad(text, $"array value '{v}' is not ROWSxCOLUMNS with positive sizes (e.g. 12x14: 12 rows, 14 columns)");
        return new SweepValue(v, (double)rows * columns, a => ArchVariants.WithArray(a, x: columns, y: rows));
    }

    private static SweepAxis Capacity(string text, string key, string[] items, Accelerator arch, int level)
    {
        int bits = arch.Levels[level].Storage.WordBits;
        var values = items.Select(v =>
        {
            var error = CapacityText.TryParse(v, bits, out long words);
            if (error is not null) throw Bad(text, $"{key} value '{v}': {error}");
            return new SweepValue(v, words, a => ArchVariants.WithCapacity(a, level, words));
        }).ToArray();
        return new SweepAxis(key, $"{arch.Levels[level].Name} words", values);
    }

    private static SweepValue BandwidthValue(string text, string v)
    {
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double bw) || !(bw > 0) || double.IsInfinity(bw))
            throw Bad(text, $"dram_bw value '{v}' is not a positive number of words per cycle");
        return new SweepValue(v, bw, a => ArchVariants.WithDramBandwidth(a, bw));
    }

    private static InputException Bad(string text, string why) => new($"--set {text}: {why}");
}
