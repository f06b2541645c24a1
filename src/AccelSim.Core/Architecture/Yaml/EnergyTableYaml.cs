using AccelSim.Common;
using AccelSim.Energy;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// Reads <c>energy_table:</c>: the name of a built-in table, or an inline flat table
/// (<c>{name, unit, word_bits, mac, network, vector_op, dram: {read, write}, sram: .., regfile: ..}</c>).
/// </summary>
internal static class EnergyTableYaml
{
    public static EnergyTable Read(YamlMap root)
    {
        var node = root.Node("energy_table");
        if (node is null) throw root.Error("energy_table", $"missing (required: one of {string.Join(", ", EnergyTables.Names)}, or an inline table)");
        if (node is YamlScalarNode)
        {
            string name = root.RequiredString("energy_table");
            return EnergyTables.Find(name)
                ?? throw root.Error("energy_table", $"unknown energy table '{name}' (expected one of: {string.Join(", ", EnergyTables.Names)}, or an inline table)");
        }
        var map = root.Map("energy_table")!;
        map.AllowOnly("name", "unit", "word_bits", "mac", "network", "vector_op", "dram", "sram", "regfile");
        var storage = new Dictionary<MemoryClass, AccessEnergy>();
        foreach (var (key, memoryClass) in new[] { ("dram", MemoryClass.Dram), ("sram", MemoryClass.Sram), ("regfile", MemoryClass.RegisterFile) })
            if (ReadAccess(map, key) is { } energy) storage[memoryClass] = energy;
        return new CustomEnergyTable(
            map.String("name") ?? "inline",
            map.String("unit") ?? "pJ",
            map.PositiveInt("word_bits") ?? 16,
            storage,
            map.NonNegativeDouble("mac"),
            map.NonNegativeDouble("network"),
            map.NonNegativeDouble("vector_op"));
    }

    /// <summary>
    /// The built-in table <paramref name="name"/> in place of the file's (<c>--energy-table</c>). Refused when the file gives
    /// energies of its own (an inline table, a level's <c>energy</c>, a network's <c>energy</c>, <c>energy_per_mac</c>,
    /// <c>energy_per_op</c>): they are in the file's unit, and mixing them with another table's would mix units.
    /// </summary>
    public static EnergyTable Replacement(YamlMap root, string name)
    {
        var table = EnergyTables.Find(name)
            ?? throw new InputException($"--energy-table: unknown energy table '{name}' (expected one of: {string.Join(", ", EnergyTables.Names)})");
        if (ExplicitEnergy(root) is { } field)
            throw new InputException($"--energy-table {name}: {root.File}: {field} gives an energy of its own, in the file's unit; remove it or use the file's table");
        return table;
    }

    // The first field that states an energy directly, or null.
    private static string? ExplicitEnergy(YamlMap root)
    {
        if (root.Node("energy_table") is YamlMappingNode) return "energy_table";
        if (root.Node("levels") is YamlSequenceNode levels)
            for (int i = 0; i < levels.Children.Count; i++)
            {
                if (levels.Children[i] is not YamlMappingNode level) continue;
                foreach (var key in new[] { "energy", "partition_energy", "leakage_per_cycle" })
                    if (level.Children.ContainsKey(new YamlScalarNode(key))) return $"levels[{i}].{key}";
                if (level.Children.TryGetValue(new YamlScalarNode("fanout"), out var f) && f is YamlMappingNode fanout
                    && fanout.Children.TryGetValue(new YamlScalarNode("network"), out var n) && n is YamlMappingNode network
                    && network.Children.ContainsKey(new YamlScalarNode("energy"))) return $"levels[{i}].fanout.network.energy";
            }
        if (root.Map("mac") is { } mac && mac.Has("energy_per_mac")) return "mac.energy_per_mac";
        if (root.Map("vector") is { } vector && vector.Has("energy_per_op")) return "vector.energy_per_op";
        return null;
    }

    /// <summary>
    /// An energy entry: one number for both read and write, or <c>{read, write}</c>; null when the key is absent.
    /// Shared by tables and per-level overrides.
    /// </summary>
    public static AccessEnergy? ReadAccess(YamlMap map, string key)
    {
        var node = map.Node(key);
        if (node is null) return null;
        if (node is YamlScalarNode)
        {
            double? both = map.NonNegativeDouble(key);
            return both is null ? null : new AccessEnergy(both.Value, both.Value);
        }
        var entry = map.Map(key);
        if (entry is null) return null;
        entry.AllowOnly("read", "write", "update");
        double? read = entry.NonNegativeDouble("read");
        double? write = entry.NonNegativeDouble("write");
        if (read is null && write is null) throw entry.Error("give read and/or write");
        // One side given: the other is taken equal, the usual symmetric SRAM/DRAM assumption. An update (a partial sum written
        // back from below) costs a write unless given (Timeloop's ERTs price it apart).
        var access = new AccessEnergy(read ?? write!.Value, write ?? read!.Value);
        return entry.NonNegativeDouble("update") is { } update ? access with { Update = update } : access;
    }

    /// <summary>Error for a class the table lacks and the level does not override.</summary>
    public static InputException MissingClass(YamlMap level, EnergyTable table, string className) =>
        level.Error("class", $"energy table '{table.Name}' has no {className} entry; add one to energy_table or give {level.FieldPath("energy")}");
}
