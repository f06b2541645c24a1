using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// The inward move the sound search prunes by (<see cref="InwardMove"/>, docs/mapper.md "The inward move"): moving a prime factor p of N, G, M or C
/// from the level above the innermost into the innermost level, every other factor, every order and every keep unchanged,
/// never raises the energy (background over the analytical cycles included) nor the analytical cycles. Checked on random
/// layers and mappings: three levels with lanes, per-axis networks, must-keeps and bypass; three to five levels with
/// partitions; and every shipped architecture (systolic ones included), under AccelSim's counting rules and Timeloop's.
/// </summary>
public class InwardMoveTests
{
    // The dims the search moves on a layer (InwardMove.IsMovable): adding R, or P and Q on every layer, makes the properties
    // below fail.
    private static int[] MovableDims(ProblemShape problem) =>
        Enumerable.Range(0, Dims.Count).Where(d => InwardMove.IsMovable(problem, d)).ToArray();

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(true, TimeloopHalo.Head)]
    [InlineData(true, TimeloopHalo.Pre297)]
    public void MovingANonSlidingFactorIntoTheInnermostLevelNeverCostsMore(bool perAxis, TimeloopHalo? timeloop)
    {
        var rules = timeloop is { } halo ? CountingRules.Timeloop(halo) : CountingRules.AccelSim;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)),
            seed => Holds(seed, RandomCase.FromSeed(seed, perAxis), rules)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MovingANonSlidingFactorInwardNeverCostsMoreOnDeepHierarchies(bool timeloop) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)),
            seed => Holds(seed, RandomDeepCase.FromSeed(seed), timeloop ? CountingRules.Timeloop(TimeloopHalo.Head) : CountingRules.AccelSim)));

    /// <summary>Every shipped architecture (the systolic ones' fill, drain and weight loads included) with random mappings.</summary>
    [Theory]
    [MemberData(nameof(ShippedArchitectures))]
    public void MovingANonSlidingFactorInwardNeverCostsMoreOnShippedArchitectures(string name)
    {
        // Capacities lifted: the counts do not depend on them, and a random mapping rarely fits the real ones.
        var shipped = ArchitectureLibrary.Load(name);
        var arch = shipped with
        {
            Levels = shipped.Levels.Select(l => l with
            {
                Storage = l.Storage with { CapacityWords = null, PartitionWords = l.Storage.PartitionWords?.ToDictionary(p => p.Key, _ => 1L << 40) },
            }).ToList(),
        };
        foreach (var rules in new[] { CountingRules.AccelSim, CountingRules.Timeloop(TimeloopHalo.Head) })
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)),
                seed => Holds(seed, RandomMappingOn(arch, seed), rules)));
    }

    public static TheoryData<string> ShippedArchitectures() => new(ArchitectureLibrary.Names);

    /// <summary>The dims moved are N, G, M and C, and P or Q only where the filter is one row or column tall and the stride
    /// 1 (the tiles are then linear in them): the proof does not cover a sliding window (InnermostGrowthTests).</summary>
    [Fact]
    public void OnlyTheDimsEveryTileIsLinearInAreMoved()
    {
        int[] planes = [(int)Dim.N, (int)Dim.G, (int)Dim.M, (int)Dim.C];
        Assert.Equal(planes, MovableDims(new ProblemShape(1, 1, 16, 8, 4, 4, 3, 3)));
        Assert.Equal([.. planes, (int)Dim.P, (int)Dim.Q], MovableDims(new ProblemShape(1, 1, 16, 8, 4, 4, 1, 1)));
        Assert.Equal(planes, MovableDims(new ProblemShape(1, 1, 16, 8, 4, 4, 1, 1, StrideH: 2, StrideW: 2)));
        Assert.Equal([.. planes, (int)Dim.Q], MovableDims(new ProblemShape(1, 1, 16, 8, 4, 4, 3, 1)));
    }

    /// <summary>
    /// In the search: on a conv layer on every shipped architecture, the sound search with the inward move returns the same
    /// energy and cycles as without it, and on the register-file architectures (many innermost tilings) it drops partial
    /// tilings and evaluates no more mappings. The layer is a 1x1 one large enough for the move to fire under the bound
    /// with the capacity floor and the free levels' sliding conflict (on smaller layers the bound leaves it nothing to drop;
    /// on ResNeXt-101 res4a_branch2a on eyeriss-isca2016 it drops 120,562 partial tilings: 130,953 evaluations against
    /// 345,437 without it).
    /// </summary>
    [Theory]
    [MemberData(nameof(ShippedArchitectures))]
    public void TheSearchWithTheInwardMoveFindsTheSameOptimum(string name)
    {
        var arch = ArchitectureLibrary.Load(name);
        var problem = new ProblemShape(1, 1, 256, 128, 20, 20, 1, 1);
        var flow = Dataflows.Get(arch.Dataflows[0]);
        var moved = Mapper.Search(problem, arch, flow, new MapperOptions().Sound());
        var walked = Mapper.Search(problem, arch, flow, new MapperOptions { MovesInward = false }.Sound());
        Assert.Equal(walked.Evaluation.TotalEnergy, moved.Evaluation.TotalEnergy);
        Assert.Equal(walked.Evaluation.Cycles, moved.Evaluation.Cycles);
        Assert.Equal(0, walked.Stats.MovedInward);
        if (name is "eyeriss-isca2016" or "eyeriss")
        {
            Assert.True(moved.Stats.MovedInward > 0, "nothing moved inward");
            Assert.True(moved.Stats.Evaluations <= walked.Stats.Evaluations, $"evaluations {moved.Stats.Evaluations} with the move, {walked.Stats.Evaluations} without");
        }
    }

    /// <summary>With the simulated pick the move is off: it could drop a tied mapping that simulates faster.</summary>
    [Fact]
    public void TheSimulatedPickWalksWithoutTheInwardMove()
    {
        var arch = ArchitectureLibrary.Load("eyeriss-isca2016");
        var found = Mapper.Search(new ProblemShape(1, 1, 16, 8, 4, 4, 3, 3), arch, Dataflows.Get(arch.Dataflows[0]),
            new MapperOptions { SimulationCap = 4 }.Sound());
        Assert.Equal(0, found.Stats.MovedInward);
    }

    private static Property Holds(int seed, RandomCase c, CountingRules rules)
    {
        var drawn = new Random(seed ^ 0x1d);
        if (drawn.Next(2) == 0) c = c with { Arch = c.Arch with { BackgroundPowerWatts = drawn.NextDouble() * 0.01 } };
        var before = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping, rules);
        double total = Objectives.TotalEnergy(before.TotalEnergy, before.Cycles, c.Arch.BackgroundEnergyPerCycle);
        int inner = c.Mapping.Levels.Count - 1, above = inner - 1;
        var failures = new List<string>();
        foreach (int d in MovableDims(c.Problem))
        {
            int f = c.Mapping.Levels[above].Temporal[d];
            for (int p = 2; p <= f; p++)
            {
                if (f % p != 0 || !IsPrime(p)) continue;
                var moved = Moved(c.Mapping, above, inner, d, p);
                var after = AnalyticalModel.Evaluate(c.Problem, c.Arch, moved, rules);
                double movedTotal = Objectives.TotalEnergy(after.TotalEnergy, after.Cycles, c.Arch.BackgroundEnergyPerCycle);
                if (movedTotal > total * (1 + 1e-12)) failures.Add($"{(Dim)d} by {p}: energy {movedTotal} > {total}");
                if (after.Cycles > before.Cycles) failures.Add($"{(Dim)d} by {p}: cycles {after.Cycles} > {before.Cycles}");
            }
        }
        return (failures.Count == 0).Label($"seed {seed}: {c}\n{string.Join("\n", failures)}");
    }

    private static bool IsPrime(int n)
    {
        for (int k = 2; k * k <= n; k++) if (n % k == 0) return false;
        return n >= 2;
    }

    // The mapping with p of dim d's temporal factor moved from level `from` into level `to`.
    private static LoopMapping Moved(LoopMapping mapping, int from, int to, int d, int p)
    {
        var levels = mapping.Levels.Select((l, i) =>
        {
            if (i != from && i != to) return l;
            var temporal = l.Temporal.ToArray();
            temporal[d] = i == from ? temporal[d] / p : temporal[d] * p;
            return new LevelMapping(temporal, l.Order.ToArray(), l.SpatialX.ToArray(), l.SpatialY.ToArray(), l.Keeps);
        }).ToList();
        return new LoopMapping(levels);
    }

    // A random tiny layer and a random perfect mapping on a shipped architecture, with the architecture's own keeps.
    private static RandomCase RandomMappingOn(Accelerator arch, int seed)
    {
        var rng = new Random(seed);
        ProblemShape problem;
        do
        {
            problem = new ProblemShape(rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 9), rng.Next(1, 9), rng.Next(1, 6), rng.Next(1, 6),
                rng.Next(1, 4), rng.Next(1, 4), rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 3), rng.Next(1, 3));
        } while (problem.Macs > 4000);
        var mapping = RandomDeepCase.RandomMapping(problem, arch, rng, i => i == 0 ? TensorSet.All : arch.Levels[i].Storage.Keeps);
        return new RandomCase(problem, arch, mapping);
    }
}
