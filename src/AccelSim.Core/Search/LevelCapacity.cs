using AccelSim.Architecture;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// What <see cref="SearchPlan"/>'s capacity checks need of one level, read once from its storage and keeps: whether every
/// tile fits (unbounded, or keeping nothing), the shared capacity, or the words of each tensor's partition.
/// </summary>
internal readonly record struct LevelCapacity(bool AlwaysFits, TensorSet Keeps, bool Partitioned, long Words,
    long WeightsPartition, long InputsPartition, long OutputsPartition)
{
    /// <summary>The partition of tensor <paramref name="t"/> (0 when the level has none for it).</summary>
    public long Partition(int t) => t switch
    {
        (int)TensorKind.Weights => WeightsPartition,
        (int)TensorKind.Inputs => InputsPartition,
        _ => OutputsPartition,
    };

    /// <summary>True when the tiles the level keeps, of the given extents (clipped to the bounds), fit it.</summary>
    public bool Holds(ProblemShape problem, ReadOnlySpan<long> ext)
    {
        if (AlwaysFits) return true;
        long total = 0;
        try
        {
            for (int t = 0; t < Tensors.Count; t++)
            {
                if (!Keeps.Has((TensorKind)t)) continue;
                long size = TileMath.TileSize(problem, (TensorKind)t, ext);
                if (Partitioned && size > Partition(t)) return false;
                total += size;
            }
        }
        catch (OverflowException) { return false; } // a tile beyond 2^63 words fits no buffer
        return Partitioned || total <= Words;
    }

    /// <summary>Every level's capacity, given what each keeps.</summary>
    public static LevelCapacity[] Of(Accelerator arch, TensorSet[] keeps) =>
        Enumerable.Range(0, arch.Levels.Count).Select(i => Of(arch.Levels[i].Storage, keeps[i])).ToArray();

    private static LevelCapacity Of(StorageLevel storage, TensorSet keeps) => new(
        storage.Unbounded || keeps == TensorSet.None, keeps, storage.PartitionWords is not null, storage.CapacityWords ?? long.MaxValue,
        storage.PartitionFor(TensorKind.Weights) ?? 0, storage.PartitionFor(TensorKind.Inputs) ?? 0, storage.PartitionFor(TensorKind.Outputs) ?? 0);
}
