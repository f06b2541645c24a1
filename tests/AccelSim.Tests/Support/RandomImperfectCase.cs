using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Tests.Support;

/// <summary>
/// A random tiny layer (<see cref="RandomCase"/>'s), a random three-level accelerator with a wider array and a random
/// valid mapping whose factors need not divide their bounds: every loop, spatial or temporal, takes a factor up to
/// ⌈bound ÷ product inside it⌉ (the coverage rule, <see cref="FactorCoverage"/>), the outermost level what is left.
/// </summary>
public static class RandomImperfectCase
{
    /// <summary>Builds a case from a seed (FsCheck drives the seeds).</summary>
    public static RandomCase FromSeed(int seed)
    {
        var problem = RandomCase.FromSeed(seed).Problem;
        var rng = new Random(seed ^ 0x5eed);
        var arch = Arch(rng);
        return new RandomCase(problem, arch, Mapping(problem, arch, rng));
    }

    /// <summary>A random three-level accelerator: random multicast, reduction and MAC lanes, per-axis networks half the time.</summary>
    public static Accelerator Arch(Random rng)
    {
        bool reduction = rng.Next(2) == 0;
        int lanes = rng.Next(3) == 0 ? rng.Next(2, 4) : 1;
        var arch = TestArchitectures.ThreeLevel(rng.Next(2, 5), rng.Next(1, 4), (TensorSet)rng.Next(0, 8), reduction,
            lanesX: lanes, laneMulticast: (TensorSet)rng.Next(0, 8), laneReduction: rng.Next(2) == 0);
        // Half the cases give every fan-out its own semantics per axis (multicast, forwarding, reduction on one axis each).
        if (rng.Next(2) == 0) arch = PerAxisNetworks(arch, rng);
        return arch;
    }

    private static Accelerator PerAxisNetworks(Accelerator arch, Random rng)
    {
        AxisNetwork Axis() => new((TensorSet)rng.Next(0, 8), (TensorSet)rng.Next(0, 8), rng.Next(2) == 0);
        return arch with
        {
            Levels = arch.Levels.Select(level => level.Fanout is { } f
                ? level with { Fanout = f with { Network = new NetworkSpec(f.Network.Name, Axis(), Axis(), f.Network.EnergyPerWord) { DiagonalMulticast = rng.Next(2) == 0 } } }
                : level).ToList(),
        };
    }

    /// <summary>
    /// A random mapping with imperfect factors of <paramref name="problem"/> on a three-level accelerator. With
    /// <paramref name="bounds"/>, the factors cover those per-dim bounds instead of the layer's (a flattened group's joint
    /// bound on its first member, 1 on the others); <paramref name="prefer"/> is added to an axis' dims half the time.
    /// </summary>
    public static LoopMapping Mapping(ProblemShape problem, Accelerator arch, Random rng, long[]? bounds = null, Dim? prefer = null)
    {
        long Bound(Dim d) => bounds?[(int)d] ?? problem[d];
        const int levels = 3;
        var temporal = new int[levels][]; var sx = new int[levels][]; var sy = new int[levels][];
        for (int i = 0; i < levels; i++) { temporal[i] = LevelMapping.Ones(); sx[i] = LevelMapping.Ones(); sy[i] = LevelMapping.Ones(); }
        // Which dims each axis unrolls (up to two), and what is left of each axis while factors are chosen.
        var axes = new List<(int Level, int[] Factors, Dim[] Dims, int[] Left)>();
        for (int i = 0; i < levels; i++)
        {
            var fanout = arch.Levels[i].Fanout;
            if (fanout is null) continue;
            foreach (var (factors, size, onY) in new[] { (sx[i], fanout.X, false), (sy[i], fanout.Y, true) })
            {
                // Dims with a bound of at least 2 (unrolling a 1 tests nothing), so most folds have a partial edge.
                var candidates = Dims.All.Where(d => Bound(d) > 1 && (fanout.Network.Reduces(onY) || d is not (Dim.C or Dim.R or Dim.S))).ToArray();
                var dims = candidates.Length == 0 ? [] : Enumerable.Range(0, rng.Next(1, 3)).Select(_ => candidates[rng.Next(candidates.Length)]).Distinct().ToArray();
                if (prefer is { } wanted && candidates.Contains(wanted) && !dims.Contains(wanted) && rng.Next(2) == 0) dims = [wanted, .. dims];
                axes.Add((i, factors, dims, [size]));
            }
        }
        foreach (var d in Dims.All)
        {
            long inner = 1;
            for (int i = levels - 1; i >= 0; i--)
            {
                // Innermost first: the level's X, then Y spatial loops, then its temporal loop.
                foreach (var axis in axes.Where(a => a.Level == i && a.Dims.Contains(d)))
                {
                    long most = Math.Min(FactorCoverage.MaxFactor(Bound(d), inner), axis.Left[0]);
                    int f = rng.Next(2) == 0 ? (int)most : (int)rng.NextInt64(1, most + 1);
                    axis.Factors[(int)d] = f;
                    axis.Left[0] /= f;
                    inner *= f;
                }
                long max = FactorCoverage.MaxFactor(Bound(d), inner);
                int t = i == 0 ? (int)max : (int)rng.NextInt64(1, max + 1);
                temporal[i][(int)d] = t;
                inner *= t;
            }
        }
        var mapping = new List<LevelMapping>();
        for (int i = 0; i < levels; i++)
            mapping.Add(new LevelMapping(temporal[i], Dims.All.OrderBy(_ => rng.Next()).ToArray(), sx[i], sy[i],
                i == 0 ? TensorSet.All : (TensorSet)rng.Next(0, 8)));
        return new LoopMapping(mapping);
    }
}
