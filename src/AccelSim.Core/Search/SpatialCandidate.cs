using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// One spatial unrolling: X and Y factors (indexed by dim) for every level's fan-out. With <see cref="Flatten"/> groups,
/// a group's factors sit on its first member and stand for its joint dim (docs/model.md, "Flattened axes").
/// </summary>
internal sealed record SpatialCandidate(int[][] X, int[][] Y, long Units)
{
    /// <summary>Flattened axes of the unrolling (empty for an ordinary one).</summary>
    public IReadOnlyList<FlattenGroup> Flatten { get; init; } = [];

    /// <summary>The bounds its factors cover, per dim: a group's joint bound on its first member, 1 on the others.</summary>
    public int[] Bounds(ProblemShape problem) => FlattenedBounds.Of(problem, Flatten);

    /// <summary>The most dims unrolled on any one axis of any fan-out.</summary>
    public int MostDimsOnAnAxis => X.Concat(Y).Max(axis => axis.Count(f => f > 1));
}
