using AccelSim.Common;
using AccelSim.Energy;
using AccelSim.Workloads;

namespace AccelSim.Architecture.Yaml;

/// <summary>Reads <c>levels:</c>: storage levels outermost first, each with an optional <c>fanout:</c> below it.</summary>
internal static class LevelYaml
{
    private static readonly string[] LevelKeys =
        ["name", "class", "capacity", "partitions", "word_bits", "read_bandwidth", "write_bandwidth", "keeps", "may_keep", "double_buffered", "stream_fifo", "energy", "fanout",
         "constraints", "role", "partition_energy", "leakage_per_cycle"];

    public static IReadOnlyList<ArchLevel> ReadLevels(YamlMap root, EnergyTable table, int defaultWordBits)
    {
        var items = root.Sequence("levels") ?? throw root.Error("levels", "missing (required: a list of storage levels, DRAM first)");
        if (items.Count == 0) throw root.Error("levels", "must list at least one level (DRAM)");
        var levels = new List<ArchLevel>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < items.Count; i++)
        {
            var map = YamlMap.Item(items[i].Node, root.File, items[i].Path);
            var level = ReadLevel(map, i, table, defaultWordBits);
            if (!names.Add(level.Name)) throw map.Error("name", $"duplicate level name '{level.Name}'");
            levels.Add(level);
        }
        return levels;
    }

    // partition_energy: {weights: {read, write, update}, ...}: a partition's own energies, over the table's (or the level's).
    private static Dictionary<TensorKind, AccessEnergy>? ReadPartitionEnergy(YamlMap map, IReadOnlyDictionary<TensorKind, long>? partitions,
        Dictionary<TensorKind, AccessEnergy>? derived)
    {
        if (map.Map("partition_energy") is not { } given) return derived;
        if (partitions is null) throw map.Error("partition_energy", "needs partitions (a level split per tensor)");
        var energies = derived ?? [];
        foreach (string key in given.Keys)
        {
            if (!Tensors.TryParse(key, out var tensor) || !partitions.ContainsKey(tensor))
                throw given.Error(key, $"not a partition of this level ({string.Join(", ", partitions.Keys.Select(Tensors.Key))})");
            energies[tensor] = EnergyTableYaml.ReadAccess(given, key) ?? throw given.Error(key, "give read and/or write");
        }
        return energies;
    }

    private static ArchLevel ReadLevel(YamlMap map, int index, EnergyTable table, int defaultWordBits)
    {
        map.AllowOnly(LevelKeys);
        string name = map.RequiredString("name");
        string classText = map.RequiredString("class");
        var memoryClass = classText.ToLowerInvariant() switch
        {
            "dram" => MemoryClass.Dram,
            "sram" => MemoryClass.Sram,
            "regfile" or "register_file" or "registerfile" => MemoryClass.RegisterFile,
            _ => throw map.Error("class", $"expected dram, sram or regfile, got '{classText}'"),
        };
        // The memory hierarchy is a chain from off-chip DRAM inwards; instance counts and energy rely on that.
        if (index == 0 && memoryClass != MemoryClass.Dram) throw map.Error("class", $"level 0 must be dram (the outermost level), got {classText}");
        if (index > 0 && memoryClass == MemoryClass.Dram) throw map.Error("class", "only level 0 may be dram");

        int wordBits = map.PositiveInt("word_bits") ?? defaultWordBits;
        var (capacity, partitions) = ReadCapacity(map, memoryClass, wordBits);
        var (keeps, optional) = ReadKeeps(map, partitions);

        var overridden = EnergyTableYaml.ReadAccess(map, "energy");
        var energy = overridden
            ?? table.Storage(memoryClass, capacity ?? partitions?.Values.Sum(), wordBits)
            ?? throw EnergyTableYaml.MissingClass(map, table, ClassKey(memoryClass));
        // A level's explicit energy applies to all of it; otherwise each partition is priced at its own capacity.
        var partitionEnergy = overridden is null && partitions is not null
            ? partitions.ToDictionary(p => p.Key, p => table.Storage(memoryClass, p.Value, wordBits) ?? energy)
            : null;
        partitionEnergy = ReadPartitionEnergy(map, partitions, partitionEnergy);

        var storage = new StorageLevel
        {
            Name = name,
            Class = memoryClass,
            CapacityWords = capacity,
            PartitionWords = partitions,
            WordBits = wordBits,
            ReadBandwidth = map.PositiveDouble("read_bandwidth") ?? double.PositiveInfinity,
            WriteBandwidth = map.PositiveDouble("write_bandwidth") ?? double.PositiveInfinity,
            Keeps = keeps,
            OptionalKeeps = optional,
            DoubleBuffered = map.Bool("double_buffered") ?? true,
            StreamFifoWords = StreamFifoYaml.Read(map, keeps),
            Energy = energy,
            PartitionEnergy = partitionEnergy,
            LeakagePerCycle = map.NonNegativeDouble("leakage_per_cycle") ?? 0,
        };
        var constraints = ConstraintYaml.Read(map.Map("constraints"));
        // A level can only be required to keep what it can hold (its keeps, may_keep or partitions).
        var unheld = (constraints.Keep | constraints.MayKeep) & ~keeps;
        if (unheld != TensorSet.None)
            throw map.Error("constraints", $"the level cannot hold {unheld.Describe()} (not in its keeps or may_keep)");
        var neverButMust = constraints.NeverKeep & keeps & ~optional;
        if (neverButMust != TensorSet.None)
            throw map.Error("constraints", $"never_keep {neverButMust.Describe()} contradicts keeps (list it under may_keep to let the level bypass it)");
        var role = map.String("role") is { } roleText
            ? roleText.ToLowerInvariant() == "pe" ? LevelRole.Pe : throw map.Error("role", $"expected pe (marks the first storage level inside a PE), got '{roleText}'")
            : (LevelRole?)null;
        return new ArchLevel(storage, FanoutYaml.Read(map, table, wordBits)) { Constraints = constraints, Role = role };
    }

    private static (long? Capacity, IReadOnlyDictionary<TensorKind, long>? Partitions) ReadCapacity(YamlMap map, MemoryClass memoryClass, int wordBits)
    {
        bool hasCapacity = map.String("capacity") is not null;
        var partitionMap = map.Map("partitions");
        if (hasCapacity && partitionMap is not null) throw map.Error("partitions", "give either capacity (shared) or partitions (per tensor), not both");
        if (partitionMap is null)
        {
            if (!hasCapacity)
            {
                if (memoryClass == MemoryClass.Dram) return (null, null);
                throw map.Error("capacity", "missing (on-chip levels need capacity or partitions)");
            }
            return (Words(map, "capacity", wordBits), null);
        }
        var parts = new Dictionary<TensorKind, long>();
        foreach (string key in partitionMap.Keys)
        {
            if (!Tensors.TryParse(key, out var tensor)) throw partitionMap.Error(key, "unknown tensor (expected weights, inputs or outputs)");
            if (parts.ContainsKey(tensor)) throw partitionMap.Error(key, $"{Tensors.Key(tensor)} given twice");
            parts[tensor] = Words(partitionMap, key, wordBits);
        }
        if (parts.Count == 0) throw map.Error("partitions", "must give at least one tensor");
        return (null, parts);
    }

    private static long Words(YamlMap map, string key, int wordBits)
    {
        string text = map.RequiredString(key);
        string? error = CapacityText.TryParse(text, wordBits, out long words);
        if (error is not null) throw map.Error(key, error);
        return words;
    }

    // keeps: what the level must hold; may_keep: what it may hold or bypass (--search-bypass decides; kept otherwise).
    // Returns everything it holds by default (must ∪ may) and the optional part.
    private static (TensorSet Keeps, TensorSet Optional) ReadKeeps(YamlMap map, IReadOnlyDictionary<TensorKind, long>? partitions)
    {
        var names = map.NameList("keeps");
        var optionalNames = map.NameList("may_keep");
        var optional = optionalNames is null ? TensorSet.None : ParseTensors(map.File, optionalNames);
        var must = names is not null ? ParseTensors(map.File, names)
            : optionalNames is not null ? TensorSet.None
            : partitions is null ? TensorSet.All : partitions.Keys.Aggregate(TensorSet.None, (s, t) => s | TensorSets.Of(t));
        if ((must & optional) != TensorSet.None)
            throw map.Error("may_keep", $"{Tensors.Key((must & optional).Members().First())} is also in keeps (a tensor is either kept or optional)");
        var keeps = must | optional;
        if (partitions is not null)
        {
            // A partitioned level can only hold the tensors it has room for, and each partition must be usable.
            foreach (var tensor in keeps.Members())
                if (!partitions.ContainsKey(tensor)) throw map.Error(optional.Has(tensor) ? "may_keep" : "keeps", $"{Tensors.Key(tensor)} has no partition in partitions");
            foreach (var tensor in partitions.Keys)
                if (!keeps.Has(tensor)) throw map.Error("partitions", $"{Tensors.Key(tensor)} has a partition but is not in keeps or may_keep");
        }
        return (keeps, optional);
    }

    /// <summary>Tensor names to a set; each unknown name is reported at its list position.</summary>
    public static TensorSet ParseTensors(string file, IReadOnlyList<(string Text, string Path)> names)
    {
        var set = TensorSet.None;
        foreach (var (text, path) in names)
        {
            if (!Tensors.TryParse(text, out var tensor))
                throw new InputException($"{file}: {path}: unknown tensor '{text}' (expected weights, inputs or outputs)");
            set |= TensorSets.Of(tensor);
        }
        return set;
    }

    private static string ClassKey(MemoryClass memoryClass) => memoryClass switch
    {
        MemoryClass.Dram => "dram",
        MemoryClass.Sram => "sram",
        _ => "regfile",
    };
}
