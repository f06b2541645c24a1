using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>The per-dim bounds a mapping's factors cover when some dims are flattened (<see cref="FlattenGroup.BoundOf"/>, as <see cref="LoopMapping.BoundOf"/>).</summary>
internal static class FlattenedBounds
{
    /// <summary>The problem's bounds with each group's joint bound on its first member and 1 on its other members.</summary>
    public static int[] Of(ProblemShape problem, IReadOnlyList<FlattenGroup> groups)
    {
        var bounds = new int[Dims.Count];
        foreach (var d in Dims.All) bounds[(int)d] = checked((int)FlattenGroup.BoundOf(problem, groups, d));
        return bounds;
    }
}
