namespace AccelSim.Mapping.Search;

/// <summary>What a search covered: the space, what pruning removed, what was evaluated, and how long it took.</summary>
public sealed record SearchStats(
    long SpatialCandidates,
    long SpatialSearched,
    long Factorizations,
    long CapacityPruned,
    long DominatedSkipped,
    long Evaluations,
    TimeSpan Elapsed)
{
    /// <summary>Evaluations per second.</summary>
    public double EvaluationsPerSecond => Evaluations / Math.Max(1e-9, Elapsed.TotalSeconds);
}
