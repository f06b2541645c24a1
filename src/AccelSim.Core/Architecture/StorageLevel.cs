using AccelSim.Energy;
using AccelSim.Workloads;

namespace AccelSim.Architecture;

/// <summary>
/// One level of the storage hierarchy, per instance. Capacity is either shared by all tensors it keeps
/// (<see cref="CapacityWords"/>) or split per tensor (<see cref="PartitionWords"/>, as Eyeriss' ifmap/filter/psum spads);
/// null capacity means unbounded (DRAM). Bandwidths are words per cycle per instance.
/// </summary>
public sealed record StorageLevel
{
    public required string Name { get; init; }
    public required MemoryClass Class { get; init; }
    /// <summary>Shared capacity in words, or null when unbounded or partitioned.</summary>
    public long? CapacityWords { get; init; }
    /// <summary>Per-tensor capacity in words, or null when shared.</summary>
    public IReadOnlyDictionary<TensorKind, long>? PartitionWords { get; init; }
    public int WordBits { get; init; } = 16;
    public double ReadBandwidth { get; init; } = double.PositiveInfinity;
    public double WriteBandwidth { get; init; } = double.PositiveInfinity;
    /// <summary>Tensors this level holds by default: the must-keep ones (<c>keeps</c>) and the optional ones (<c>may_keep</c>).</summary>
    public TensorSet Keeps { get; init; } = TensorSet.All;
    /// <summary>
    /// The part of <see cref="Keeps"/> the level may also bypass (<c>may_keep</c>): the only choices <c>--search-bypass</c>
    /// varies. The rest of Keeps is must-keep: a TPU's Unified Buffer cannot be skipped by streaming DRAM into the array.
    /// </summary>
    public TensorSet OptionalKeeps { get; init; } = TensorSet.None;
    /// <summary>Two buffers per tile: the next tile's fill overlaps the current tile's compute.</summary>
    public bool DoubleBuffered { get; init; } = true;
    /// <summary>
    /// Per tensor, the depth in words of the FIFO through which a single-buffered level's tiles stream (<c>stream_fifo</c>):
    /// a tile change of at most that many words (new words in, or a drained output tile out) overlaps the current tile's
    /// compute, a larger one serializes with it. Null when the level has none.
    /// </summary>
    public IReadOnlyDictionary<TensorKind, long>? StreamFifoWords { get; init; }
    /// <summary>Energy per word of the level as a whole (of its total capacity when partitioned).</summary>
    public required AccessEnergy Energy { get; init; }
    /// <summary>
    /// Energy per word of each partition when the level is split per tensor: each partition is its own array, priced at
    /// its own capacity (Eyeriss' 12-word ifmap spad costs less per access than its 224-word filter spad). Null when shared.
    /// </summary>
    public IReadOnlyDictionary<TensorKind, AccessEnergy>? PartitionEnergy { get; init; }

    /// <summary>
    /// Static (leakage) energy of one instance per cycle, charged for every cycle to every instance doing work (Timeloop's
    /// per-instance-cycle leakage). 0 unless the architecture gives it.
    /// </summary>
    public double LeakagePerCycle { get; init; }

    /// <summary>
    /// Words one access moves together (Timeloop's block size): each instance's accesses of a kind are priced in whole blocks,
    /// a partial block costing a whole access. <see cref="Energy"/> stays per word (the block's energy over its words). 1 by default.
    /// </summary>
    public int BlockSize { get; init; } = 1;

    /// <summary>Energy per word of <paramref name="tensor"/>'s accesses at this level.</summary>
    public AccessEnergy EnergyFor(TensorKind tensor) =>
        PartitionEnergy is { } parts && parts.TryGetValue(tensor, out var e) ? e : Energy;

    /// <summary>True when the level has no capacity limit.</summary>
    public bool Unbounded => CapacityWords is null && PartitionWords is null;

    /// <summary>Total words per instance (sum of partitions when split), or null when unbounded.</summary>
    public long? TotalWords => PartitionWords is { } parts ? parts.Values.Sum() : CapacityWords;

    /// <summary>Capacity available to one tensor when partitioned, or null when shared or unbounded.</summary>
    public long? PartitionFor(TensorKind tensor) =>
        PartitionWords is { } parts ? parts.GetValueOrDefault(tensor) : null;
}
