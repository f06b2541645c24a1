using AccelSim.Energy;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// Reads a level's <c>fanout: {x, y, systolic, pe_pitch_mm | array_area_mm2, wire_pj_per_bit_mm, network: {name, multicast,
/// forward, reduction, diagonal_multicast, energy}}</c> (the network's per-axis semantics: <see cref="NetworkYaml"/>;
/// the geometry that prices it by distance: <see cref="WireGeometry"/>). The fan-out is nested under
/// its parent level, so it cannot name a level that does not exist.
/// </summary>
internal static class FanoutYaml
{
    public static SpatialFanout? Read(YamlMap level, EnergyTable table, int parentWordBits)
    {
        var map = level.Map("fanout");
        if (map is null) return null;
        map.AllowOnly("x", "y", "network", "systolic", "pe_pitch_mm", "array_area_mm2", "wire_pj_per_bit_mm");
        int x = map.PositiveInt("x") ?? throw map.Error("x", "missing (required)");
        int y = map.PositiveInt("y") ?? 1;
        if ((long)x * y > int.MaxValue) throw map.Error($"{x}x{y} children is too many");

        var net = map.Map("network");
        net?.AllowOnly(NetworkYaml.Keys);
        string name = net?.String("name") ?? $"{level.RequiredString("name")}-network";
        // The table's figure is per word per hop; one delivery to a child is charged one hop (docs/energy.md).
        double energy = net?.NonNegativeDouble("energy")
            ?? table.NetworkPerWordHop(parentWordBits)
            ?? throw map.Error("network", $"energy table '{table.Name}' has no network entry; give {map.FieldPath("network")}.energy");
        bool systolic = map.Bool("systolic") ?? false;
        var network = NetworkYaml.Read(net, name, energy) with { Wire = ReadWire(map, table, x, y) };
        return new SpatialFanout(x, y, network) { Systolic = systolic };
    }

    // pe_pitch_mm, or array_area_mm2 spread over the X x Y children (pitch = sqrt(area / children)); the wire figure from
    // wire_pj_per_bit_mm or the energy table. Null when the file gives no geometry: the flat per-word charge applies.
    private static WireGeometry? ReadWire(YamlMap map, EnergyTable table, int x, int y)
    {
        double? pitch = map.PositiveDouble("pe_pitch_mm");
        double? area = map.PositiveDouble("array_area_mm2");
        if (pitch is not null && area is not null) throw map.Error("array_area_mm2", "give pe_pitch_mm or array_area_mm2, not both");
        pitch ??= area is double a ? Math.Sqrt(a / ((double)x * y)) : null;
        double? wire = map.PositiveDouble("wire_pj_per_bit_mm");
        if (pitch is null)
        {
            if (wire is not null) throw map.Error("wire_pj_per_bit_mm", "needs pe_pitch_mm or array_area_mm2");
            return null;
        }
        // A normalized table (xMAC) has no joules to price millimetres of wire in: its own per-hop figure (Eyeriss' 2x NoC)
        // is the network's price, as for background power (docs/energy.md); `--energy-table eyeriss-normalized` on eyeriss.
        if (wire is null && table.Unit != "pJ") return null;
        wire ??= table.WirePerBitMm
            ?? throw map.Error("wire_pj_per_bit_mm", $"energy table '{table.Name}' has no wire energy; give it");
        return new WireGeometry(pitch.Value, wire.Value);
    }
}
