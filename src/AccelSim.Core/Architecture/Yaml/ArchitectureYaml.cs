using AccelSim.Common;
using AccelSim.Energy;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// Loads an architecture from the YAML format of docs/arch-format.md. The document is read as a YAML representation
/// model and checked by hand, so every problem is one <see cref="InputException"/> line naming the file, the path to
/// the field and what is wrong (e.g. <c>arch-configs/x.yaml: levels[1].capacity: must be positive, got -4</c>).
/// Per-access energies are resolved here from the energy table and the file's overrides.
/// </summary>
public static class ArchitectureYaml
{
    private static readonly string[] TopKeys = ["name", "description", "clock_mhz", "energy_table", "dataflows", "levels", "mac", "vector", "sparse_optimizations",
        "background_power_mw"];

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    /// <param name="path">The arch file.</param>
    /// <param name="energyTable">A built-in table replacing the file's (<c>--energy-table</c>), or null.</param>
    public static Accelerator Load(string path, string? energyTable = null)
    {
        return Parse(YamlFrontEnd.ReadFile(path), DisplayName(path), Path.GetFileNameWithoutExtension(path), energyTable);
    }

    /// <summary>Parses YAML text; <paramref name="sourceName"/> prefixes every error.</summary>
    /// <param name="text">The document.</param>
    /// <param name="sourceName">File name shown in errors.</param>
    /// <param name="defaultName">Architecture name when the document has no <c>name:</c> (defaults to the source name).</param>
    /// <param name="energyTable">A built-in table replacing the file's, or null to use the file's.</param>
    public static Accelerator Parse(string text, string sourceName, string? defaultName = null, string? energyTable = null)
    {
        var root = ReadRoot(text, sourceName);
        root.AllowOnly(TopKeys);

        var table = energyTable is null ? EnergyTableYaml.Read(root) : EnergyTableYaml.Replacement(root, energyTable);
        var mac = ReadMac(root, table);
        var levels = LevelYaml.ReadLevels(root, table, mac.Bits);
        levels = ApplyLanes(root, levels);

        return new Accelerator
        {
            Name = root.String("name") ?? defaultName ?? Path.GetFileNameWithoutExtension(sourceName),
            Description = root.String("description") ?? "",
            Levels = levels,
            Mac = mac,
            Vector = ReadVector(root, table, mac.Bits),
            ClockHz = (root.PositiveDouble("clock_mhz") ?? 200) * 1e6,
            Dataflows = ReadDataflows(root),
            EnergyUnit = table.Unit,
            EnergyTable = table.Name,
            Sparse = SparseOptimizationsYaml.Read(root, levels),
            BackgroundPowerWatts = (root.NonNegativeDouble("background_power_mw") ?? 0) * 1e-3,
        };
    }

    private static YamlMap ReadRoot(string text, string sourceName)
    {
        var rootNode = YamlFrontEnd.Parse(text, sourceName)
            ?? throw new InputException($"{sourceName}: (top level): empty file, expected an architecture");
        if (rootNode is not YamlMappingNode map)
            throw new InputException($"{sourceName}: (top level): expected a mapping (name:, levels:, mac:, ...)");
        return new YamlMap(map, sourceName, "");
    }

    private static MacUnit ReadMac(YamlMap root, EnergyTable table)
    {
        var mac = root.Map("mac") ?? throw root.Error("mac", "missing (required: bits)");
        mac.AllowOnly("bits", "type", "lanes", "energy_per_mac");
        int bits = mac.PositiveInt("bits") ?? throw mac.Error("bits", "missing (required)");
        bool floating = (mac.String("type") ?? "int").ToLowerInvariant() switch
        {
            "int" or "integer" or "fixed" => false,
            "fp" or "float" => true,
            var other => throw mac.Error("type", $"expected int or fp, got '{other}'"),
        };
        double energy = mac.NonNegativeDouble("energy_per_mac")
            ?? table.Mac(bits, floating)
            ?? throw mac.Error("energy_per_mac", $"energy table '{table.Name}' has no MAC entry; give energy_per_mac");
        return new MacUnit(bits, energy) { FloatingPoint = floating };
    }

    /// <summary>
    /// `mac.lanes` is shorthand for a lanes × 1 fan-out under the innermost level; when that level already has a fan-out
    /// the two must agree.
    /// </summary>
    private static IReadOnlyList<ArchLevel> ApplyLanes(YamlMap root, IReadOnlyList<ArchLevel> levels)
    {
        var mac = root.Map("mac")!;
        int? lanes = mac.PositiveInt("lanes");
        if (lanes is null) return levels;
        var innermost = levels[^1];
        if (innermost.Fanout is { } fanout)
        {
            if (fanout.Size != lanes)
                throw mac.Error("lanes", $"{lanes} disagrees with the innermost fan-out levels[{levels.Count - 1}].fanout ({fanout.X}x{fanout.Y} = {fanout.Size})");
            return levels;
        }
        // Lanes of one PE share its registers over wires inside the PE: no multicast claim, no extra network energy.
        var lanesFanout = new SpatialFanout(lanes.Value, 1, new NetworkSpec("mac-lanes", TensorSet.None, false, 0));
        return [.. levels.Take(levels.Count - 1), innermost with { Fanout = lanesFanout }];
    }

    private static VectorUnit? ReadVector(YamlMap root, EnergyTable table, int macBits)
    {
        var vector = root.Map("vector");
        if (vector is null) return null;
        vector.AllowOnly("lanes", "bits", "energy_per_op");
        int lanes = vector.PositiveInt("lanes") ?? throw vector.Error("lanes", "missing (required)");
        int bits = vector.PositiveInt("bits") ?? macBits;
        double energy = vector.NonNegativeDouble("energy_per_op")
            ?? table.VectorOp(bits)
            ?? throw vector.Error("energy_per_op", $"energy table '{table.Name}' has no vector entry; give energy_per_op");
        return new VectorUnit(lanes, energy);
    }

    private static IReadOnlyList<string> ReadDataflows(YamlMap root)
    {
        var names = root.NameList("dataflows");
        if (names is null) return [];
        var result = new List<string>();
        foreach (var (text, path) in names)
        {
            string name = DataflowNames.Canonical(text)
                ?? throw new InputException($"{root.File}: {path}: unknown dataflow '{text}' (expected one of: {string.Join(", ", DataflowNames.Shipped)})");
            if (!result.Contains(name)) result.Add(name);
        }
        return result;
    }

    /// <summary>The path as the user would recognize it: relative to the current directory when below it.</summary>
    private static string DisplayName(string path)
    {
        string full = Path.GetFullPath(path);
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
