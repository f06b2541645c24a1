using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Energy;
using AccelSim.Workloads;

namespace AccelSim.Sweeps;

/// <summary>
/// Derives architecture variants for sweeps: the PE array (the largest fan-out), the largest on-chip SRAM's capacity, the
/// register file's capacity and the DRAM bandwidth. Each returns a new record; the base architecture is never changed.
/// </summary>
public static class ArchVariants
{
    /// <summary>Index of the level whose fan-out below is the largest (the PE array; the first such level on a tie).</summary>
    public static int ArrayLevel(Accelerator arch)
    {
        int best = -1;
        for (int i = 0; i < arch.Levels.Count; i++)
            if (arch.Levels[i].Fanout is { } f && (best < 0 || f.Size > arch.Levels[best].Fanout!.Size)) best = i;
        return best >= 0 ? best : throw new InputException($"--set array: architecture '{arch.Name}' has no spatial fan-out");
    }

    /// <summary>Index of the bounded SRAM level with the most words per instance (the global buffer).</summary>
    public static int BufferLevel(Accelerator arch) =>
        LargestOf(arch, MemoryClass.Sram) ?? throw new InputException($"--set glb: architecture '{arch.Name}' has no bounded SRAM level");

    /// <summary>Index of the innermost register-file level.</summary>
    public static int RegisterFileLevel(Accelerator arch)
    {
        for (int i = arch.Levels.Count - 1; i >= 0; i--)
            if (arch.Levels[i].Storage.Class == MemoryClass.RegisterFile && !arch.Levels[i].Storage.Unbounded) return i;
        throw new InputException($"--set rf: architecture '{arch.Name}' has no bounded register-file level");
    }

    /// <summary>The array below <see cref="ArrayLevel"/> resized to <paramref name="x"/> × <paramref name="y"/> (network kept).</summary>
    public static Accelerator WithArray(Accelerator arch, int x, int y)
    {
        int i = ArrayLevel(arch);
        return Replace(arch, i, arch.Levels[i] with { Fanout = arch.Levels[i].Fanout! with { X = x, Y = y } });
    }

    /// <summary>
    /// Level <paramref name="level"/> with <paramref name="words"/> words per instance. A shared level gets exactly that; a
    /// partitioned level (Eyeriss' per-tensor spads) keeps its split: every partition is scaled by words / old total and
    /// rounded down, at least one word, so the partitions' proportions (which the dataflow was designed around) stay.
    /// </summary>
    public static Accelerator WithCapacity(Accelerator arch, int level, long words)
    {
        var storage = arch.Levels[level].Storage;
        StorageLevel resized;
        if (storage.PartitionWords is { } parts)
        {
            long total = parts.Values.Sum();
            var scaled = parts.ToDictionary(p => p.Key, p => Math.Max(1L, (long)((double)p.Value * words / total)));
            resized = storage with { PartitionWords = scaled };
        }
        else resized = storage with { CapacityWords = words };
        return Replace(arch, level, arch.Levels[level] with { Storage = resized });
    }

    /// <summary>DRAM (level 0) read and write bandwidth set to <paramref name="wordsPerCycle"/>.</summary>
    public static Accelerator WithDramBandwidth(Accelerator arch, double wordsPerCycle)
    {
        var dram = arch.Levels[0].Storage with { ReadBandwidth = wordsPerCycle, WriteBandwidth = wordsPerCycle };
        return Replace(arch, 0, arch.Levels[0] with { Storage = dram });
    }

    /// <summary>The PE array as rows x columns (Y x X of the largest fan-out), the convention of the papers and of <c>--set array</c>.</summary>
    public static string ArrayText(Accelerator arch) =>
        arch.Levels.Select(l => l.Fanout).Where(f => f is not null).MaxBy(f => f!.Size) is { } f ? $"{f.Y}x{f.X}" : "1x1";

    /// <summary>True when the two architectures agree in everything a sweep changes (array, capacities, DRAM bandwidth).</summary>
    public static bool SameShape(Accelerator a, Accelerator b) => Shape(a) == Shape(b);

    private static string Shape(Accelerator arch) => string.Join(";", arch.Levels.Select(l =>
        $"{l.Fanout?.X}x{l.Fanout?.Y}|{l.Storage.CapacityWords}|{string.Join(",", (l.Storage.PartitionWords ?? new Dictionary<TensorKind, long>()).OrderBy(p => p.Key).Select(p => p.Value))}|{l.Storage.ReadBandwidth}|{l.Storage.WriteBandwidth}"));

    private static int? LargestOf(Accelerator arch, MemoryClass cls)
    {
        int? best = null;
        for (int i = 0; i < arch.Levels.Count; i++)
        {
            var s = arch.Levels[i].Storage;
            if (s.Class == cls && s.TotalWords is long w && (best is null || w > arch.Levels[best.Value].Storage.TotalWords)) best = i;
        }
        return best;
    }

    private static Accelerator Replace(Accelerator arch, int index, ArchLevel level)
    {
        var levels = arch.Levels.ToArray();
        levels[index] = level;
        return arch with { Levels = levels };
    }
}
