using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Tests.Support;

/// <summary>A random tiny layer, a random three-level accelerator and a random valid mapping of one onto the other.</summary>
public sealed record RandomCase(ProblemShape Problem, Accelerator Arch, LoopMapping Mapping)
{
    public override string ToString() =>
        $"{Problem} on {Arch.Levels[1].Fanout!.X}x{Arch.Levels[1].Fanout!.Y} mc={Arch.Levels[1].Fanout!.Network.Multicast} red={Arch.Levels[1].Fanout!.Network.SpatialReduction} lanes={Arch.Levels[2].Fanout?.X ?? 1}; "
        + string.Join(" | ", Mapping.Levels.Select(l => $"T[{string.Join(",", l.Temporal)}] O[{string.Join("", l.Order)}] X[{string.Join(",", l.SpatialX)}] Y[{string.Join(",", l.SpatialY)}] K[{l.Keeps}]"));

    /// <summary>Builds a case from a seed (FsCheck drives the seeds).</summary>
    public static RandomCase FromSeed(int seed)
    {
        var rng = new Random(seed);
        ProblemShape problem;
        do
        {
            problem = new ProblemShape(rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 5), rng.Next(1, 4), rng.Next(1, 5), rng.Next(1, 4),
                rng.Next(1, 4), rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 3));
        } while (problem.Macs > 1500);

        var multicast = (TensorSet)rng.Next(0, 8);
        bool reduction = rng.Next(2) == 0;
        int lanes = rng.Next(3) == 0 ? 2 : 1;
        var arch = TestArchitectures.ThreeLevel(rng.Next(1, 4), rng.Next(1, 3), multicast, reduction,
            lanesX: lanes, laneMulticast: (TensorSet)rng.Next(0, 8), laneReduction: rng.Next(2) == 0);

        var remaining = problem.Bounds();
        var sx = new int[3][]; var sy = new int[3][];
        for (int i = 0; i < 3; i++) { sx[i] = LevelMapping.Ones(); sy[i] = LevelMapping.Ones(); }
        for (int i = 0; i < 3; i++)
        {
            var fanout = arch.Levels[i].Fanout;
            if (fanout is null) continue;
            bool canReduce = fanout.Network.SpatialReduction;
            Unroll(rng, remaining, sx[i], fanout.X, canReduce);
            Unroll(rng, remaining, sy[i], fanout.Y, canReduce);
        }
        var temporal = new int[3][];
        for (int i = 0; i < 3; i++) temporal[i] = LevelMapping.Ones();
        for (int d = 0; d < Dims.Count; d++)
        {
            // Random divisors for the inner levels, the remainder to DRAM.
            for (int i = 2; i >= 1; i--)
            {
                var divisors = Divisors(remaining[d]);
                int f = divisors[rng.Next(divisors.Count)];
                temporal[i][d] = f;
                remaining[d] /= f;
            }
            temporal[0][d] = remaining[d];
        }
        var levels = new List<LevelMapping>();
        for (int i = 0; i < 3; i++)
        {
            var order = Dims.All.OrderBy(_ => rng.Next()).ToArray();
            var keeps = i == 0 ? TensorSet.All : (TensorSet)rng.Next(0, 8);
            levels.Add(new LevelMapping(temporal[i], order, sx[i], sy[i], keeps));
        }
        return new RandomCase(problem, arch, new LoopMapping(levels));
    }

    private static void Unroll(Random rng, int[] remaining, int[] factors, int size, bool canReduce)
    {
        int used = 1;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            int d = rng.Next(Dims.Count);
            if (!canReduce && (Dim)d is Dim.C or Dim.R or Dim.S) continue;
            var options = Divisors(remaining[d]).Where(f => used * f <= size).ToList();
            int f = options[rng.Next(options.Count)];
            factors[d] *= f;
            remaining[d] /= f;
            used *= f;
        }
    }

    public static List<int> Divisors(int n) => Enumerable.Range(1, n).Where(k => n % k == 0).ToList();
}
