using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// The static shape of a mapping as the simulator walks it: per-level tile extents, instances doing work, the walked
/// temporal loops (every level above the innermost storage level, outermost first, each in its order) with the index
/// step of each, and the length of one compute block (the innermost level's own loops).
/// </summary>
internal sealed class NestLayout
{
    public NestLayout(Accelerator arch, LoopMapping mapping)
    {
        Levels = arch.Levels.Count;
        Extents = new long[Levels + 1][];
        Extents[Levels] = [1, 1, 1, 1, 1, 1, 1, 1];
        for (int i = Levels - 1; i >= 0; i--)
        {
            var m = mapping.Levels[i];
            Extents[i] = new long[Dims.Count];
            for (int d = 0; d < Dims.Count; d++)
                Extents[i][d] = Extents[i + 1][d] * m.Temporal[d] * m.SpatialX[d] * m.SpatialY[d];
        }

        Used = new long[Levels + 1];
        Used[0] = 1;
        for (int i = 0; i < Levels; i++)
        {
            long children = 1;
            foreach (var d in Dims.All) children *= mapping.Levels[i].SpatialOf(d);
            Used[i + 1] = Used[i] * children;
        }

        // Walked loops: a loop's step is how far its dim's origin moves per iteration, i.e. everything inside it at its
        // level (same-dim loops there, the spatial unrolling and the child tile).
        var dims = new List<int>(); var levels = new List<int>(); var bounds = new List<long>(); var steps = new List<long>();
        for (int i = 0; i < Levels - 1; i++)
        {
            var m = mapping.Levels[i];
            var inner = new long[Dims.Count];
            for (int d = 0; d < Dims.Count; d++) inner[d] = Extents[i + 1][d] * m.SpatialX[d] * m.SpatialY[d];
            var levelLoops = m.Order.Where(d => m.TemporalOf(d) > 1).ToArray();
            var levelSteps = new long[levelLoops.Length];
            for (int k = levelLoops.Length - 1; k >= 0; k--)
            {
                int d = (int)levelLoops[k];
                levelSteps[k] = inner[d];
                inner[d] *= m.Temporal[d];
            }
            for (int k = 0; k < levelLoops.Length; k++)
            {
                dims.Add((int)levelLoops[k]); levels.Add(i); bounds.Add(m.Temporal[(int)levelLoops[k]]); steps.Add(levelSteps[k]);
            }
        }
        LoopDim = [.. dims]; LoopLevel = [.. levels]; LoopBound = [.. bounds]; LoopStep = [.. steps];
        Steps = LoopBound.Aggregate(1L, (a, b) => a * b);

        var innermost = mapping.Levels[Levels - 1];
        BlockCycles = Dims.All.Aggregate(1L, (a, d) => a * innermost.TemporalOf(d));
        InnermostOutputPoints = new[] { Dim.N, Dim.G, Dim.M, Dim.P, Dim.Q }.Aggregate(1L, (a, d) => a * innermost.TemporalOf(d));
    }

    /// <summary>Storage levels; level <see cref="Levels"/> stands for the MAC.</summary>
    public int Levels { get; }

    /// <summary>[level 0..L][dim] tile extents (level L: one MAC point).</summary>
    public long[][] Extents { get; }

    /// <summary>[level 0..L] instances doing work.</summary>
    public long[] Used { get; }

    /// <summary>Walked loops, outermost first: dim, level, bound and origin step.</summary>
    public int[] LoopDim { get; }
    public int[] LoopLevel { get; }
    public long[] LoopBound { get; }
    public long[] LoopStep { get; }

    /// <summary>Iterations of the walked loops: the number of compute blocks.</summary>
    public long Steps { get; }

    /// <summary>Cycles of one compute block: the product of the innermost level's temporal factors.</summary>
    public long BlockCycles { get; }

    /// <summary>Distinct output points one MAC touches inside one block.</summary>
    public long InnermostOutputPoints { get; }
}
