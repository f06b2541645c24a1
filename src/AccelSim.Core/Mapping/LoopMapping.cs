using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// A complete mapping of one layer onto an accelerator: one <see cref="LevelMapping"/> per storage level, outermost first.
/// For every dim, the product of its temporal and spatial factors over all levels is the dim's bound.
/// </summary>
public sealed class LoopMapping(IReadOnlyList<LevelMapping> levels)
{
    /// <summary>Per-level loops, outermost level first.</summary>
    public IReadOnlyList<LevelMapping> Levels { get; } = levels;

    /// <summary>The product of all factors of <paramref name="dim"/> (must equal its bound).</summary>
    public long Product(Dim dim)
    {
        long p = 1;
        foreach (var level in Levels) p *= (long)level.TemporalOf(dim) * level.SpatialOf(dim);
        return p;
    }

    /// <summary>Temporal iterations of the whole nest: the ideal compute cycles.</summary>
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
