using AccelSim.Architecture;
using AccelSim.Energy;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Tests.Support;

/// <summary>
/// A random tiny layer on a random accelerator of three to five levels and a random valid mapping: a fan-out with per-axis
/// networks (lanes) at any on-chip level, random bypass at every on-chip level, some levels split into per-tensor
/// partitions with their own read, write and update energies (Eyeriss' spads), random loop orders.
/// </summary>
public static class RandomDeepCase
{
    public static RandomCase FromSeed(int seed)
    {
        var rng = new Random(seed);
        ProblemShape problem;
        do
        {
            problem = new ProblemShape(rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 5), rng.Next(1, 4), rng.Next(1, 5), rng.Next(1, 4),
                rng.Next(1, 4), rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 3));
        } while (problem.Macs > 1500);

        int count = rng.Next(3, 6);
        AxisNetwork Axis() => new((TensorSet)rng.Next(0, 8), (TensorSet)rng.Next(0, 8), rng.Next(2) == 0);
        AccessEnergy Energy(double scale) => new(scale * (0.5 + rng.NextDouble()), scale * (0.5 + rng.NextDouble())) { Update = scale * (0.5 + rng.NextDouble()) };
        var levels = new List<ArchLevel>();
        for (int i = 0; i < count; i++)
        {
            double scale = i == 0 ? 200 : 10.0 / i;
            var storage = new StorageLevel
            {
                Name = $"L{i}", Class = i == 0 ? MemoryClass.Dram : MemoryClass.Sram, Energy = Energy(scale),
                ReadBandwidth = i == 0 ? 4 : 1 + rng.Next(8), WriteBandwidth = i == 0 ? 4 : 1 + rng.Next(8),
                OptionalKeeps = i == 0 ? TensorSet.None : TensorSet.All, // on-chip levels keep or bypass anything
            };
            if (i > 0 && rng.Next(3) == 0)
                storage = storage with
                {
                    PartitionWords = Tensors.All.ToDictionary(t => t, _ => 1L << 20),
                    PartitionEnergy = Tensors.All.ToDictionary(t => t, _ => Energy(scale)),
                };
            var fanout = i > 0 && rng.Next(2) == 0
                ? new SpatialFanout(rng.Next(1, 4), rng.Next(1, 3), new NetworkSpec("noc", Axis(), Axis(), rng.NextDouble()) { DiagonalMulticast = rng.Next(2) == 0, Wire = RandomCase.RandomWire(rng) })
                : null;
            levels.Add(new ArchLevel(storage, fanout));
        }
        var arch = new Accelerator { Name = $"random{count}", Levels = levels, Mac = new MacUnit(16, 1), ClockHz = 200e6 };

        var mapping = RandomMapping(problem, arch, rng, i => i == 0 ? TensorSet.All : (TensorSet)rng.Next(0, 8));
        return new RandomCase(problem, arch, mapping);
    }

    /// <summary>
    /// A random perfect mapping of <paramref name="problem"/> on <paramref name="arch"/>: each fan-out's axes unroll up to two
    /// dims within their sizes (sliding dims half the time), the temporal factors are random divisors (DRAM takes the rest),
    /// random loop orders, and per level the keeps <paramref name="keeps"/> gives (called in level order).
    /// </summary>
    public static LoopMapping RandomMapping(ProblemShape problem, Accelerator arch, Random rng, Func<int, TensorSet> keeps)
    {
        int count = arch.Levels.Count;
        var remaining = problem.Bounds();
        var sx = new int[count][];
        var sy = new int[count][];
        for (int i = 0; i < count; i++)
        {
            sx[i] = LevelMapping.Ones();
            sy[i] = LevelMapping.Ones();
            if (arch.Levels[i].Fanout is not { } f) continue;
            RandomCase.Unroll(rng, remaining, sx[i], f.X, f.Network.Reduces(false), slidingBias: true);
            RandomCase.Unroll(rng, remaining, sy[i], f.Y, f.Network.Reduces(true), slidingBias: true);
        }
        var temporal = new int[count][];
        for (int i = 0; i < count; i++) temporal[i] = LevelMapping.Ones();
        for (int d = 0; d < Dims.Count; d++)
        {
            for (int i = count - 1; i >= 1; i--)
            {
                var divisors = RandomCase.Divisors(remaining[d]);
                temporal[i][d] = divisors[rng.Next(divisors.Count)];
                remaining[d] /= temporal[i][d];
            }
            temporal[0][d] = remaining[d];
        }
        return new LoopMapping(Enumerable.Range(0, count).Select(i => new LevelMapping(temporal[i],
            Dims.All.OrderBy(_ => rng.Next()).ToArray(), sx[i], sy[i], keeps(i))).ToList());
    }
}
