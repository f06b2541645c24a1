using AccelSim.Workloads;

namespace AccelSim.Mapping.Search;

/// <summary>The per-dim bounds a mapping's factors cover when some dims are flattened (<see cref="LoopMapping.BoundOf"/>).</summary>
internal static class FlattenedBounds
{
    /// <summary>The problem's bounds with each group's joint bound on its first member and 1 on its other members.</summary>
    public static int[] Of(ProblemShape problem, IReadOnlyList<FlattenGroup> groups)
    {
        var bounds = problem.Bounds();
        foreach (var g in groups)
        {
            bounds[(int)g.First] = checked((int)g.JointBound(problem));
            foreach (var d in g.Members.Skip(1)) bounds[(int)d] = 1;
        }
        return bounds;
    }
}
