using AccelSim.Architecture;
using AccelSim.Energy;
using AccelSim.Workloads;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AccelSim.Cli.Commands;

/// <summary>
/// Renders an accelerator as a tree: each storage level holds the fan-out below it, which holds the next level, down to
/// the MAC; then the chip-wide figures (peak MACs, clock, on-chip capacity, energy table).
/// </summary>
internal static class ArchTree
{
    public static IRenderable Render(Accelerator arch)
    {
        string unit = arch.EnergyUnit;
        var tree = new Tree(Markup.Escape($"{arch.Name}" + (arch.Description.Length > 0 ? $" — {arch.Description}" : "")));
        IHasTreeNodes parent = tree;
        var roles = LevelRoles.Of(arch);
        for (int i = 0; i < arch.Levels.Count; i++)
        {
            var level = arch.Levels[i];
            long instances = arch.Instances(i);
            var node = parent.AddNode(Markup.Escape($"{level.Name} [{ClassName(level.Storage.Class)}, {roles[i].ToString().ToLowerInvariant()}] × {instances:N0}"));
            foreach (string line in LevelDetails(level.Storage, unit)) node.AddNode(Markup.Escape(line));
            if (level.Constraints != Architecture.Constraints.LevelConstraints.None)
                node.AddNode(Markup.Escape("constraints: " + Architecture.Constraints.ConstraintText.Describe(level.Constraints)));
            parent = node;
            if (level.Fanout is { } fanout)
                parent = node.AddNode(Markup.Escape(FanoutLine(arch, i, fanout, unit)));
        }
        var mac = arch.Mac;
        parent.AddNode(Markup.Escape($"MAC {mac.Bits}-bit {(mac.FloatingPoint ? "fp" : "int")} × {arch.MacUnits:N0}: energy {Units.Number(mac.EnergyPerMac)} {unit} per MAC"));

        var rows = new Grid().AddColumn().AddColumn();
        rows.AddRow("peak MACs/cycle", $"{arch.PeakMacsPerCycle:N0} ({Units.Number(arch.PeakMacsPerCycle * arch.ClockHz / 1e9)} GMAC/s)");
        rows.AddRow("clock", Units.Clock(arch.ClockHz));
        rows.AddRow("on-chip capacity", $"{arch.OnChipWords:N0} words ({Units.Bytes(arch.OnChipBytes)})");
        if (arch.Vector is { } vector) rows.AddRow("vector unit", $"{vector.Lanes} lanes, {Units.Number(vector.EnergyPerOp)} {unit}/op");
        rows.AddRow("energy table", Markup.Escape($"{arch.EnergyTable} (unit: {unit})"));
        rows.AddRow("dataflows", Markup.Escape(arch.Dataflows.Count == 0 ? "(none listed)" : string.Join(", ", arch.Dataflows)));
        return new Rows(tree, rows);
    }

    private static IEnumerable<string> LevelDetails(StorageLevel s, string unit)
    {
        string capacity = s.PartitionWords is { } parts
            ? "partitions " + string.Join(", ", Tensors.All.Where(parts.ContainsKey).Select(t => $"{Tensors.Key(t)} {parts[t]:N0}")) +
              $" words ({Units.Bytes(parts.Values.Sum() * (double)s.WordBits / 8)})"
            : s.CapacityWords is long words ? $"{words:N0} words ({Units.Bytes(words * (double)s.WordBits / 8)})" : "unbounded";
        // Double buffering only matters for bounded levels, where it halves what one tile may use.
        yield return $"capacity {capacity}, {s.WordBits}-bit words" + (s.DoubleBuffered && !s.Unbounded ? ", double-buffered" : "");
        var must = s.Keeps & ~s.OptionalKeeps;
        yield return s.OptionalKeeps == TensorSet.None ? $"keeps {s.Keeps.Describe()}"
            : $"keeps {(must == TensorSet.None ? "nothing" : must.Describe())}; may keep or bypass {s.OptionalKeeps.Describe()}";
        yield return $"bandwidth read {Units.Number(s.ReadBandwidth)} / write {Units.Number(s.WriteBandwidth)} words/cycle per instance";
        if (s.PartitionEnergy is { } partEnergy)
            foreach (var t in Tensors.All.Where(partEnergy.ContainsKey))
                yield return $"{Tensors.Key(t)} partition energy read {Units.Number(partEnergy[t].Read)} / write {Units.Number(partEnergy[t].Write)} {unit} per word";
        else yield return $"energy read {Units.Number(s.Energy.Read)} / write {Units.Number(s.Energy.Write)} {unit} per word";
    }

    private static string FanoutLine(Accelerator arch, int level, SpatialFanout fanout, string unit)
    {
        var n = fanout.Network;
        return $"{(fanout.Systolic ? "systolic " : "")}fan-out {fanout.Y} rows × {fanout.X} columns (y × x) = {fanout.Size:N0}, network {n.Name}: " +
               $"x {NetworkText.Axis(n.X)}; y {NetworkText.Axis(n.Y)}{(n.DiagonalMulticast ? "" : "; no diagonal multicast")}, {WordEnergy(arch, level, n, unit)}";
    }

    // A network priced by its geometry charges each tensor by the wire it travels (docs/energy.md), so one flat figure
    // would misstate it: print the per-tensor price then.
    private static string WordEnergy(Accelerator arch, int level, NetworkSpec network, string unit)
    {
        if (network.Wire is null) return $"{Units.Number(network.EnergyPerWord)} {unit}/word";
        var perTensor = Tensors.All.Select(t => $"{Tensors.Key(t)} {Units.Number(NetworkPricing.EnergyPerWord(arch, level, t))}");
        return $"by topology at a {Units.Number(network.Wire.PePitchMm * 1000)} µm pitch: " + string.Join(", ", perTensor) + $" {unit}/word";
    }

    private static string ClassName(MemoryClass c) => c switch
    {
        MemoryClass.Dram => "dram",
        MemoryClass.Sram => "sram",
        _ => "regfile",
    };
}
