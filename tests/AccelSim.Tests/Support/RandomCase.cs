using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Tests.Support;

/// <summary>A random tiny layer, a random three-level accelerator and a random valid mapping of one onto the other.</summary>
public sealed record RandomCase(ProblemShape Problem, Accelerator Arch, LoopMapping Mapping)
{
    public override string ToString() =>
        $"{Problem} on {string.Join(", ", Arch.Levels.Select(l => l.Fanout is { } f ? $"{l.Storage.Name} {f.X}x{f.Y} net={f.Network}" : l.Storage.Name))}; "
        + string.Join(" | ", Mapping.Levels.Select(l => $"T[{string.Join(",", l.Temporal)}] O[{string.Join("", l.Order)}] X[{string.Join(",", l.SpatialX)}] Y[{string.Join(",", l.SpatialY)}] K[{l.Keeps}]"));

    /// <summary>
    /// Builds a case from a seed (FsCheck drives the seeds). <paramref name="perAxis"/>: the array's and the lanes' networks
    /// get their own random multicast, forwarding and reduction per axis and a random diagonal-multicast switch, and the
    /// buffer and register file get random must-keep and may-keep sets that the mapping honours.
    /// </summary>
    public static RandomCase FromSeed(int seed, bool perAxis = false)
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
        var arch = TestArchitectures.ThreeLevel(rng.Next(1, perAxis ? 5 : 4), rng.Next(1, perAxis ? 4 : 3), multicast, reduction,
            lanesX: lanes, laneMulticast: (TensorSet)rng.Next(0, 8), laneReduction: rng.Next(2) == 0);
        if (perAxis) arch = WithPerAxisNetworksAndKeeps(arch, rng);

        var remaining = problem.Bounds();
        var sx = new int[3][]; var sy = new int[3][];
        for (int i = 0; i < 3; i++) { sx[i] = LevelMapping.Ones(); sy[i] = LevelMapping.Ones(); }
        for (int i = 0; i < 3; i++)
        {
            var fanout = arch.Levels[i].Fanout;
            if (fanout is null) continue;
            Unroll(rng, remaining, sx[i], fanout.X, fanout.Network.Reduces(false), perAxis);
            Unroll(rng, remaining, sy[i], fanout.Y, fanout.Network.Reduces(true), perAxis);
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
            var storage = arch.Levels[i].Storage;
            var random = (TensorSet)rng.Next(0, 8);
            // With perAxis: the level's must-keeps always, its optional keeps at random.
            var keeps = i == 0 ? TensorSet.All : perAxis ? (storage.Keeps & ~storage.OptionalKeeps) | random : random;
            levels.Add(new LevelMapping(temporal[i], order, sx[i], sy[i], keeps));
        }
        return new RandomCase(problem, arch, new LoopMapping(levels));
    }

    // Random per-axis semantics for every network and random must/may keeps for the on-chip levels.
    private static Accelerator WithPerAxisNetworksAndKeeps(Accelerator arch, Random rng)
    {
        AxisNetwork Axis() => new((TensorSet)rng.Next(0, 8), (TensorSet)rng.Next(0, 8), rng.Next(2) == 0);
        var levels = arch.Levels.Select((level, i) =>
        {
            var storage = level.Storage;
            if (i > 0)
            {
                var must = (TensorSet)rng.Next(0, 8);
                storage = storage with { Keeps = TensorSet.All, OptionalKeeps = TensorSet.All & ~must };
            }
            var fanout = level.Fanout is { } f
                ? f with { Network = new NetworkSpec(f.Network.Name, Axis(), Axis(), f.Network.EnergyPerWord) { DiagonalMulticast = rng.Next(2) == 0, Wire = RandomWire(rng) } }
                : null;
            return level with { Storage = storage, Fanout = fanout };
        }).ToList();
        return arch with { Levels = levels };
    }

    /// <summary>
    /// Half the time a wire geometry, so a word's network energy differs per tensor (its travelling width and its pitches:
    /// <see cref="NetworkPricing"/>); otherwise none (the network's flat energy per word for every tensor).
    /// </summary>
    internal static WireGeometry? RandomWire(Random rng) =>
        rng.Next(2) == 0 ? new WireGeometry(0.01 + rng.NextDouble() * 0.1, 0.01 + rng.NextDouble()) : null;

    // Up to two dims per axis; slidingBias picks a sliding dim (P, Q, R, S) half the time, so that windows of different
    // children coincide (diagonal multicast) often enough to matter.
    internal static void Unroll(Random rng, int[] remaining, int[] factors, int size, bool canReduce, bool slidingBias = false)
    {
        Dim[] sliding = [Dim.P, Dim.R, Dim.Q, Dim.S];
        int used = 1;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            int d = slidingBias && rng.Next(2) == 0 ? (int)sliding[rng.Next(4)] : rng.Next(Dims.Count);
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
