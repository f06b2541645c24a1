using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>What a search covered: the space (spatial unrollings, and temporal tilings of all of them before pruning), what
/// pruning removed, what was evaluated (each tiling with its candidate loop orders), and how long it took.</summary>
public sealed record SearchStats(
    long SpatialCandidates,
    long SpatialSearched,
    double TilingSpace,
    long Factorizations,
    long CapacityPruned,
    long DominatedSkipped,
    long Evaluations,
    TimeSpan Elapsed)
{
    /// <summary>Partial mappings (spatial unrolling and innermost tiling, or deeper) whose lower bound exceeded the best found.</summary>
    public long BoundPruned { get; init; }

    /// <summary>
    /// The cost every work item was first pruned against: the best of a walk of the lowest-bound items over maximal tilings
    /// only (+∞ when the search cannot prune). Its work is included in the counts above.
    /// </summary>
    public double SeedCost { get; init; } = double.PositiveInfinity;

    /// <summary>The explicit utilization floor searched with (0 = none).</summary>
    public double MinUtilization { get; init; }

    /// <summary>Spatial unrollings left out by <see cref="MinUtilization"/>.</summary>
    public long SpatialBelowMinUtilization { get; init; }

    /// <summary>The simulated pick among tied mappings (or latency-sim's candidates); null when it was off.</summary>
    public SimulatedPickStats? Simulation { get; init; }

    /// <summary>Evaluations per second.</summary>
    public double EvaluationsPerSecond => Evaluations / Math.Max(1e-9, Elapsed.TotalSeconds);
}
