using AccelSim.Energy;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// Reads a level's <c>fanout: {x, y, systolic, network: {name, multicast, forward, reduction, diagonal_multicast, energy}}</c>
/// (the network's per-axis semantics: <see cref="NetworkYaml"/>). The fan-out is nested under
/// its parent level, so it cannot name a level that does not exist.
/// </summary>
internal static class FanoutYaml
{
    public static SpatialFanout? Read(YamlMap level, EnergyTable table, int parentWordBits)
    {
        var map = level.Map("fanout");
        if (map is null) return null;
        map.AllowOnly("x", "y", "network", "systolic");
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
        return new SpatialFanout(x, y, NetworkYaml.Read(net, name, energy)) { Systolic = systolic };
    }
}
