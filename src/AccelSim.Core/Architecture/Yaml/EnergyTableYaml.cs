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
        entry.AllowOnly("read", "write");
        double? read = entry.NonNegativeDouble("read");
        double? write = entry.NonNegativeDouble("write");
        if (read is null && write is null) throw entry.Error("give read and/or write");
        // One side given: the other is taken equal, the usual symmetric SRAM/DRAM assumption.
        return new AccessEnergy(read ?? write!.Value, write ?? read!.Value);
    }

    /// <summary>Error for a class the table lacks and the level does not override.</summary>
    public static InputException MissingClass(YamlMap level, EnergyTable table, string className) =>
        level.Error("class", $"energy table '{table.Name}' has no {className} entry; add one to energy_table or give {level.FieldPath("energy")}");
}
