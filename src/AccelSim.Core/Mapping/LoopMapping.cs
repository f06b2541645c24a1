using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// A complete mapping of one layer onto an accelerator: one <see cref="LevelMapping"/> per storage level, outermost first.
/// For every dim, the product of its temporal and spatial factors over all levels covers the dim's bound: equal to it, or
/// more when a factor does not divide what is left (imperfect factorization, <see cref="FactorCoverage"/>).
/// <paramref name="flatten"/> lists flattened axes (<see cref="FlattenGroup"/>): each acts as one joint dim whose factors
/// sit on its first member, the bound being the product of the members' (<see cref="BoundOf"/>).
/// </summary>
public sealed class LoopMapping(IReadOnlyList<LevelMapping> levels, IReadOnlyList<FlattenGroup>? flatten = null)
{
    /// <summary>Per-level loops, outermost level first.</summary>
    public IReadOnlyList<LevelMapping> Levels { get; } = levels;

    /// <summary>Flattened axes (joint dims), empty for an ordinary mapping.</summary>
    public IReadOnlyList<FlattenGroup> Flatten { get; } = flatten ?? [];

    /// <summary>True when some dims are flattened into a joint dim.</summary>
    public bool IsFlattened => Flatten.Count > 0;

    /// <summary>The group <paramref name="dim"/> belongs to, or null.</summary>
    public FlattenGroup? GroupOf(Dim dim) => Flatten.FirstOrDefault(g => g.Contains(dim));

    /// <summary>
    /// The bound the factors of <paramref name="dim"/> must cover: its own, or for a flattened group's first member the
    /// joint bound, and 1 for the group's other members (their loops are the joint dim's).
    /// </summary>
    public long BoundOf(ProblemShape problem, Dim dim) => FlattenGroup.BoundOf(problem, Flatten, dim);

    /// <summary>The same loops with other flattened axes.</summary>
    public LoopMapping WithFlatten(IReadOnlyList<FlattenGroup> groups) => new(Levels, groups);

    /// <summary>The product of all factors of <paramref name="dim"/> (at least its bound).</summary>
    public long Product(Dim dim)
    {
        long p = 1;
        foreach (var level in Levels) p *= (long)level.TemporalOf(dim) * level.SpatialOf(dim);
        return p;
    }

    /// <summary>Temporal iterations of the whole nest (the ideal compute cycles of a perfect factorization; an imperfect one
    /// skips iterations past a bound, see <see cref="Model.AnalyticalModel"/>).</summary>
    public long TemporalIterations
    {
        get
        {
            long p = 1;
            foreach (var level in Levels) foreach (var d in Dims.All) p *= level.TemporalOf(d);
            return p;
        }
    }
}
