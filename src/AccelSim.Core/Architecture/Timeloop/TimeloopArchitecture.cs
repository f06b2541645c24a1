using AccelSim.Common;
using AccelSim.Energy;
using AccelSim.Workloads;
using YamlDotNet.RepresentationModel;
using static AccelSim.Architecture.Timeloop.TimeloopYaml;

namespace AccelSim.Architecture.Timeloop;

/// <summary>
/// Reads a Timeloop architecture in the flattened form timeloop-model and timeloop-mapper consume: the exercises'
/// <c>parsed-processed-input.yaml</c> (v0.4, one <c>subtree</c> whose <c>local</c> list names every component with its total
/// instances, <c>ifmap_spad[1..168]</c>, and <c>meshX</c>) or a classic v0.3 file (nested <c>subtree</c>s whose instance
/// ranges multiply). Components, outermost first, become AccelSim levels of the same names: DRAM, buffers (<c>depth</c>,
/// <c>width</c>, <c>datawidth</c> or <c>word-bits</c>, <c>block_size</c>, bandwidths in words per cycle,
/// <c>multiple_buffering</c>), Timeloop's bypass-everything <c>dummy_storage</c> levels (kept as levels that hold nothing, so
/// Timeloop mappings address them by name), and the arithmetic last (the MAC). The fan-out below a level is the ratio of
/// instances, split along X by the ratio of <c>meshX</c> (meshX defaults to the instance count). Networks are Timeloop's
/// default: every fan-out multicasts every tensor and reduces partial sums spatially. Energies come from an ERT
/// (<see cref="TimeloopErt"/>: per word = action energy / block size, update priced by <c>update</c>, leakage per
/// instance-cycle from <c>leak</c>) or, without one, from a built-in table by component class. The architecture
/// constraints' keep/bypass become each level's keeps (<see cref="TimeloopConstraints"/>). Refused by name: templated v0.4
/// sources (give parsed-processed-input.yaml), sparse features (metadata, sparse_optimizations), unknown component classes.
/// </summary>
public static class TimeloopArchitecture
{
    private const string Instead = "the flattened specification timeloop-mapper writes (parsed-processed-input.yaml) or a v0.3 architecture";

    /// <summary>True when <paramref name="path"/> is a YAML file with a top-level <c>architecture:</c> key (AccelSim's arch files have <c>levels:</c>).</summary>
    public static bool Recognizes(string path) => File.Exists(path) && HasTopLevelKey(path, "architecture:");

    /// <summary>Loads the architecture (and applies its constraints' keep/bypass), priced by the ERT when given.</summary>
    /// <param name="path">A flattened Timeloop specification holding <c>architecture:</c>.</param>
    /// <param name="ertPath">An Accelergy ERT, or null to price with <paramref name="energyTable"/>.</param>
    /// <param name="energyTable">The built-in table used without an ERT (default accelergy-65nm).</param>
    public static Accelerator Load(string path, string? ertPath = null, string? energyTable = null)
    {
        var root = Read(path, "architecture", Instead);
        if (Child(root, "sparse_optimizations") is not null)
            throw new InputException($"{path}: sparse_optimizations: sparse (Sparseloop) features are not supported");
        var arch = Map(root, path, "", "architecture") ?? throw new InputException($"{path}: architecture: missing");
        if (Child(arch, "nodes") is not null)
            throw new InputException($"{path}: architecture.nodes: a templated Timeloop v0.4 front-end source; give {Instead} instead");
        var components = new List<Component>();
        double? cycleSeconds = null;
        var subtrees = List(arch, path, "architecture", "subtree") ?? throw new InputException($"{path}: architecture.subtree: missing");
        Walk(subtrees, "architecture.subtree", 1, path, components, ref cycleSeconds);

        if (ertPath is not null && energyTable is not null)
            throw new InputException($"{path}: --energy-table: the ERT {ertPath} already prices the architecture; give one or the other");
        var ert = ertPath is null ? null : TimeloopErt.Load(ertPath);
        var table = ert is null ? EnergyTables.Find(energyTable ?? EnergyTables.Accelergy65nm.Name)
            ?? throw new InputException($"--energy-table: unknown table '{energyTable}' (known: {string.Join(", ", EnergyTables.Names)})") : null;

        var storage = components.Where(c => !c.Arithmetic).ToList();
        var macs = components.Where(c => c.Arithmetic).ToList();
        if (macs.Count != 1) throw new InputException($"{path}: architecture: expected one arithmetic component (class intmac, mac, ...), found {macs.Count}");
        if (!ReferenceEquals(components[^1], macs[0])) throw new InputException($"{path}: {macs[0].At}: the arithmetic component must be the innermost one");
        if (storage.Count == 0) throw new InputException($"{path}: architecture: no storage level");
        var constraints = TimeloopConstraints.Read(root, path);

        var levels = new List<ArchLevel>();
        for (int i = 0; i < storage.Count; i++)
        {
            var c = storage[i];
            var child = i + 1 < storage.Count ? storage[i + 1] : macs[0];
            var level = StorageLevelOf(c, path, ert, table) with { Keeps = constraints.KeepsOf(c.Name, i == 0) };
            if (constraints.MustKeep(c.Name) is var must && must != TensorSet.None)
                level = level with { OptionalKeeps = level.Keeps & ~must };
            else level = level with { OptionalKeeps = i == 0 ? TensorSet.None : level.Keeps };
            levels.Add(new ArchLevel(level, Fanout(c, child, path)));
        }
        constraints.CheckTargets(levels.Select(l => l.Name).ToList());
        var mac = macs[0];
        int macBits = (int)(PositiveInteger(mac.Attributes, path, mac.At + ".attributes", "multiplier_width", "datawidth", "word-bits", "word_bits") ?? 16);
        double macEnergy = ert is not null
            ? ert.Energy(mac.Name, "compute") ?? ert.Energy(mac.Name, "mac_random")
              ?? throw new InputException($"{ert.Source}: ERT: no 'compute' action for the arithmetic component '{mac.Name}'")
            : table!.Mac(macBits) ?? throw new InputException($"{path}: {mac.At}: the energy table '{table.Name}' has no MAC of {macBits} bits");

        return new Accelerator
        {
            Name = Path.GetFileNameWithoutExtension(path),
            Description = $"Timeloop architecture from {Path.GetFileName(path)}" + (ert is null ? "" : $", energies from {Path.GetFileName(ert.Source)}"),
            Levels = levels,
            Mac = new MacUnit(macBits, macEnergy),
            ClockHz = 1 / (cycleSeconds ?? 1e-9),
            EnergyUnit = ert is null ? table!.Unit : "pJ",
            EnergyTable = ert is null ? table!.Name : "timeloop-ert",
        };
    }

    // One component of the flattened hierarchy, with its total instances and mesh width.
    private sealed record Component(string Name, string Class, long Instances, long MeshX, YamlMappingNode Attributes, string At, bool Arithmetic);

    private static void Walk(YamlSequenceNode subtrees, string at, long outer, string file, List<Component> into, ref double? cycleSeconds)
    {
        for (int s = 0; s < subtrees.Children.Count; s++)
        {
            string here = $"{at}[{s}]";
            if (subtrees.Children[s] is not YamlMappingNode tree) throw new InputException($"{file}: {here}: expected a mapping");
            var (_, count) = NameAndCount(Scalar(tree, "name") ?? "", file, here);
            long instances = checked(outer * count);
            if (Map(tree, file, here, "attributes") is { } attributes)
                cycleSeconds ??= Number(attributes, file, here + ".attributes", "global_cycle_seconds");
            if (List(tree, file, here, "local") is { } locals)
                for (int k = 0; k < locals.Children.Count; k++)
                    into.Add(ReadComponent(locals.Children[k], $"{here}.local[{k}]", instances, file));
            // A subtree's network: entries change Timeloop's hop counts and network energy, which its reference ERTs leave at
            // 0; they are not read, and the fan-outs keep Timeloop's default network (docs/timeloop.md).
            if (List(tree, file, here, "subtree") is { } inner) Walk(inner, here + ".subtree", instances, file, into, ref cycleSeconds);
        }
    }

    private static Component ReadComponent(YamlNode node, string at, long outer, string file)
    {
        if (node is not YamlMappingNode map) throw new InputException($"{file}: {at}: expected a mapping");
        var (name, count) = NameAndCount(Scalar(map, "name") ?? throw new InputException($"{file}: {at}.name: missing"), file, at);
        string cls = Scalar(map, "class") ?? throw new InputException($"{file}: {at}.class: missing");
        string subclass = Scalar(map, "subclass") ?? "";
        var attributes = Map(map, file, at, "attributes") ?? new YamlMappingNode();
        foreach (var key in attributes.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? ""))
            if (key.StartsWith("metadata", StringComparison.OrdinalIgnoreCase) || key.Contains("compression", StringComparison.OrdinalIgnoreCase))
                throw new InputException($"{file}: {at}.attributes.{key}: sparse (Sparseloop) features are not supported");
        if (Scalar(map, "enabled") is "false" or "False") throw new InputException($"{file}: {at}.enabled: disabled components are not supported; remove the component");
        long instances = checked(outer * count);
        long meshX = PositiveInteger(attributes, file, at + ".attributes", "meshX") ?? instances;
        if (instances % meshX != 0) throw new InputException($"{file}: {at}.attributes.meshX: {meshX} does not divide the {instances} instances");
        bool storage = AnyScalar(attributes, "depth", "entries") is not null
            || new[] { "DRAM", "SRAM", "regfile", "RF", "buffer", "storage", "register" }.Any(k => Has(cls, k) || Has(subclass, k));
        bool arithmetic = !storage && (Has(cls, "mac") || Has(cls, "compute") || Has(cls, "alu") || Has(subclass, "mac"));
        if (!storage && !arithmetic)
            throw new InputException($"{file}: {at}.class: '{cls}' is neither storage (DRAM, or a buffer with depth) nor arithmetic (intmac, mac)");
        return new Component(name, cls + (subclass.Length > 0 ? "/" + subclass : ""), instances, meshX, attributes, at, arithmetic);
    }

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static StorageLevel StorageLevelOf(Component c, string file, TimeloopErt? ert, EnergyTable? table)
    {
        string at = c.At + ".attributes";
        var a = c.Attributes;
        var memoryClass = Has(c.Class, "DRAM") ? MemoryClass.Dram : Has(c.Class, "SRAM") ? MemoryClass.Sram : MemoryClass.RegisterFile;
        int wordBits = (int)Math.Min(int.MaxValue, PositiveInteger(a, file, at, "datawidth", "word-bits", "word_bits", "word_width") ?? 16);
        long cluster = PositiveInteger(a, file, at, "cluster_size", "cluster-size") ?? 1;
        long block = PositiveInteger(a, file, at, "block_size", "block-size") ?? BlockFromWidth(a, file, at, checked(wordBits * cluster));
        long? depth = PositiveInteger(a, file, at, "depth", "entries");
        long? capacity = memoryClass == MemoryClass.Dram ? null : checked((depth ?? throw new InputException($"{file}: {at}.depth: missing")) * block);
        double readBandwidth = Number(a, file, at, "read_bandwidth", "read-bandwidth") ?? double.PositiveInfinity;
        double writeBandwidth = Number(a, file, at, "write_bandwidth", "write-bandwidth") ?? double.PositiveInfinity;
        if (readBandwidth <= 0) throw new InputException($"{file}: {at}.read_bandwidth: must be positive");
        if (writeBandwidth <= 0) throw new InputException($"{file}: {at}.write_bandwidth: must be positive");
        bool dummy = Has(c.Class, "dummy");
        AccessEnergy energy;
        double leak = 0;
        if (ert is not null && ert.Has(c.Name))
        {
            double Action(string action) => ert.Energy(c.Name, action)
                ?? throw new InputException($"{ert.Source}: ERT: component '{c.Name}' has no '{action}' action");
            // Timeloop prices an access of a whole block; one word is that over the block size.
            double write = Action("write");
            energy = new AccessEnergy(Action("read") / block, write / block) { Update = (ert.Energy(c.Name, "update") ?? write) / block };
            leak = ert.Energy(c.Name, "leak") ?? 0;
        }
        else if (ert is not null)
            energy = dummy ? new AccessEnergy(0, 0) : throw new InputException($"{ert.Source}: ERT: no table for component '{c.Name}'");
        else
            energy = dummy ? new AccessEnergy(0, 0) : table!.Storage(memoryClass, capacity, wordBits)
                ?? throw new InputException($"{file}: {c.At}.class: the energy table '{table.Name}' has no {memoryClass} entry");
        return new StorageLevel
        {
            Name = c.Name,
            Class = memoryClass,
            CapacityWords = capacity,
            WordBits = wordBits,
            ReadBandwidth = readBandwidth,
            WriteBandwidth = writeBandwidth,
            DoubleBuffered = (Number(a, file, at, "multiple_buffering", "multiple-buffering") ?? 1) >= 2,
            Energy = energy,
            LeakagePerCycle = leak,
            BlockSize = (int)Math.Min(int.MaxValue, block),
        };
    }

    // Timeloop's block size: a row of `width` bits holds width / word-bits words, shared by the instances of a cluster
    // (cluster_size instances read one wide row together; AccelSim prices each instance's access, docs/timeloop.md).
    private static long BlockFromWidth(YamlMappingNode a, string file, string at, long wordBits)
    {
        long? width = PositiveInteger(a, file, at, "width", "memory_width");
        if (width is null) return 1;
        if (width.Value % wordBits != 0) throw new InputException($"{file}: {at}.width: {width} bits is not a whole number of {wordBits}-bit words (word bits × cluster size)");
        return width.Value / wordBits;
    }

    private static SpatialFanout? Fanout(Component parent, Component child, string file)
    {
        if (child.Instances % parent.Instances != 0)
            throw new InputException($"{file}: {child.At}.name: {child.Instances} instances are not a multiple of {parent.Name}'s {parent.Instances}");
        long ratio = child.Instances / parent.Instances;
        if (ratio == 1) return null;
        long parentY = parent.Instances / parent.MeshX, childY = child.Instances / child.MeshX;
        if (child.MeshX % parent.MeshX != 0 || childY % parentY != 0)
            throw new InputException($"{file}: {child.At}.attributes.meshX: a {child.MeshX}-wide mesh does not refine {parent.Name}'s {parent.MeshX}-wide one");
        long x = child.MeshX / parent.MeshX, y = ratio / x;
        if (x > int.MaxValue || y > int.MaxValue) throw new InputException($"{file}: {child.At}.name: fan-out too large");
        return new SpatialFanout((int)x, (int)y, new NetworkSpec("timeloop-default", TensorSet.All, spatialReduction: true, energyPerWord: 0));
    }
}
