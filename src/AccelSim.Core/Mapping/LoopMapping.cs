using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// A complete mapping of one layer onto an accelerator: one <see cref="LevelMapping"/> per storage level, outermost first.
/// For every dim, the product of its temporal and spatial factors over all levels covers the dim's bound: equal to it, or
/// more when a factor does not divide what is left (imperfect factorization, <see cref="FactorCoverage"/>).
/// </summary>
public sealed class LoopMapping(IReadOnlyList<LevelMapping> levels)
{
    /// <summary>Per-level loops, outermost level first.</summary>
    public IReadOnlyList<LevelMapping> Levels { get; } = levels;

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
