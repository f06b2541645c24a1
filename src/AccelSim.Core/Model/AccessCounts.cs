using AccelSim.Workloads;

namespace AccelSim.Model;

/// <summary>
/// Every access a mapping makes: per storage level and tensor (<see cref="TensorCounts"/>), and the words each fan-out's
/// network carries per tensor (to children and, for partial sums, back up). Filled by the analytical model or the simulator,
/// so the two can be compared field by field.
/// </summary>
public sealed class AccessCounts
{
    private readonly TensorCounts[] _counts;
    private readonly long[] _networkWords;

    /// <summary>Creates zeroed counts for <paramref name="levels"/> storage levels.</summary>
    public AccessCounts(int levels)
    {
        LevelCount = levels;
        _counts = new TensorCounts[levels * Tensors.Count];
        _networkWords = new long[levels * Tensors.Count];
    }

    /// <summary>Number of storage levels.</summary>
    public int LevelCount { get; }

    /// <summary>MACs performed.</summary>
    public long Macs { get; set; }

    /// <summary>Counts of one tensor at one level.</summary>
    public ref TensorCounts At(int level, TensorKind tensor) => ref _counts[level * Tensors.Count + (int)tensor];

    /// <summary>Counts of one tensor at one level (read-only).</summary>
    public TensorCounts Get(int level, TensorKind tensor) => _counts[level * Tensors.Count + (int)tensor];

    /// <summary>Words of one tensor carried by the network of the fan-out below <paramref name="level"/>.</summary>
    public ref long NetworkWords(int level, TensorKind tensor) => ref _networkWords[level * Tensors.Count + (int)tensor];

    /// <summary>Words of all tensors carried by the network of the fan-out below <paramref name="level"/>.</summary>
    public long NetworkWords(int level) =>
        NetworkWords(level, TensorKind.Weights) + NetworkWords(level, TensorKind.Inputs) + NetworkWords(level, TensorKind.Outputs);

    /// <summary>Reads of all tensors at a level.</summary>
    public long LevelReads(int level) => Get(level, TensorKind.Weights).Reads + Get(level, TensorKind.Inputs).Reads + Get(level, TensorKind.Outputs).Reads;

    /// <summary>Fills plus updates of all tensors at a level.</summary>
    public long LevelWrites(int level) => Get(level, TensorKind.Weights).Writes + Get(level, TensorKind.Inputs).Writes + Get(level, TensorKind.Outputs).Writes;

    /// <summary>Zeroes everything so the object can be reused.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        Array.Clear(_networkWords);
        Macs = 0;
    }

    /// <summary>Field-by-field equality with another set of counts; <paramref name="difference"/> names the first mismatch.</summary>
    public bool SameAs(AccessCounts other, out string difference)
    {
        difference = "";
        if (other.LevelCount != LevelCount) { difference = "level count"; return false; }
        if (other.Macs != Macs) { difference = $"MACs {Macs} vs {other.Macs}"; return false; }
        for (int i = 0; i < LevelCount; i++)
        {
            foreach (var t in Tensors.All)
                if (Get(i, t) != other.Get(i, t))
                {
                    difference = $"level {i} {Tensors.Key(t)}: {Get(i, t)} vs {other.Get(i, t)}";
                    return false;
                }
            foreach (var t in Tensors.All)
                if (NetworkWords(i, t) != other.NetworkWords(i, t))
                {
                    difference = $"network below level {i}, {Tensors.Key(t)}: {NetworkWords(i, t)} vs {other.NetworkWords(i, t)}";
                    return false;
                }
        }
        return true;
    }
}
