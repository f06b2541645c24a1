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
/// The branch-and-bound bound is a true lower bound: for a random layer, a random architecture (three levels with lanes below
/// the PE buffers, per-axis networks, must-keeps and bypass; or three to five levels with partitions) and a random mapping, the bound of every partial mapping the
/// walker could meet on the way to it (levels fixed from the innermost outward, and the spatial unrolling alone) is at most
/// the mapping's energy and its analytical cycles. Under AccelSim's counting rules and under Timeloop's (both halo rules),
/// where the storage levels' update energy is also drawn below their write energy (Timeloop's ERTs price the two apart).
/// The same for every level the walker enumerates dim by dim, partly chosen (<see cref="PartialBound.OfPartialLevel"/>): at
/// every depth of its dims, the later ones anywhere up to a random largest factor.
/// The same for a group of innermost tilings (<see cref="Walker.GroupBound"/>): the innermost level open on N, G or C.
/// The bound carries the top buffer's capacity floor (<see cref="TopBufferFloor"/>) where the mapping's level-1 tile fits.
/// Half the cases have a background power: the bound then includes background × its cycle bound and must stay at most
/// the mapping's energy plus background × its analytical cycles (the energy objective's total).
/// </summary>
public class LowerBoundTests
{
    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(false, TimeloopHalo.Head)]
    [InlineData(true, TimeloopHalo.Head)]
    [InlineData(true, TimeloopHalo.Pre297)]
    public void BoundOfEveryPartialMappingIsAtMostTheEvaluatedMapping(bool perAxis, TimeloopHalo? timeloop)
    {
        var rules = timeloop is { } halo ? CountingRules.Timeloop(halo) : CountingRules.AccelSim;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed, perAxis);
            if (timeloop is not null) c = c with { Arch = WithCheaperUpdates(c.Arch, seed) };
            return Holds(seed, c, rules);
        }));
    }

    /// <summary>
    /// The same on three to five levels: fan-outs with per-axis networks at any on-chip level (lanes under a register file),
    /// random bypass at every on-chip level, per-tensor partitions with their own read, write and update energies; under
    /// AccelSim's rules and Timeloop's.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BoundHoldsOnDeepHierarchiesWithPartitions(bool timeloop) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(timeloop ? 300 : 1000),
            Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
                Holds(seed, RandomDeepCase.FromSeed(seed), timeloop ? CountingRules.Timeloop(TimeloopHalo.Head) : CountingRules.AccelSim)));

    private static Property Holds(int seed, RandomCase c, CountingRules rules)
    {
        // Half the cases draw a background power (up to 50 pJ per cycle): the energy bound is then the objective's total.
        var drawn = new Random(seed ^ 0xb9);
        if (drawn.Next(2) == 0) c = c with { Arch = c.Arch with { BackgroundPowerWatts = drawn.NextDouble() * 0.01 } };
        // Half the cases bound level 1 tightly: a capacity between its tiles' words and twice that (the counts do not change),
        // so that its capacity floor binds.
        if (drawn.Next(2) == 0) c = c with { Arch = WithTightBuffer(c.Arch, c, drawn.NextDouble()) };
        var exact = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping, rules);
        double total = Objectives.TotalEnergy(exact.TotalEnergy, exact.Cycles, c.Arch.BackgroundEnergyPerCycle);
        var levels = c.Mapping.Levels;
        var temporal = levels.Select(l => l.Temporal.ToArray()).ToArray();
        var x = levels.Select(l => l.SpatialX.ToArray()).ToArray();
        var y = levels.Select(l => l.SpatialY.ToArray()).ToArray();
        var keeps = levels.Select(l => l.Keeps).ToArray();
        // The top buffer's capacity floor bounds mappings whose level-1 tile fits level 1 (every mapping the walker meets).
        bool fits = LevelCapacity.Of(c.Arch, keeps)[1].Holds(c.Problem, LevelOneExtents(c.Mapping));
        var bound = new PartialBound(c.Problem, c.Arch, rules) { TopFloor = fits ? TopBufferFloor.For(c.Problem, c.Arch, keeps, rules) : null };
        var failures = new List<string>();
        for (int fixedFrom = 0; fixedFrom <= levels.Count; fixedFrom++)
        {
            double energy = bound.Of(fixedFrom, temporal, x, y, keeps, out long cycles);
            if (energy > total * (1 + Incumbent.RoundingMargin)) failures.Add($"energy bound {energy} > {total} fixing from {fixedFrom}");
            if (cycles > exact.Cycles) failures.Add($"cycle bound {cycles} > {exact.Cycles} fixing from {fixedFrom}");
        }
        // A level partly chosen, as the walker enumerates it dim by dim (PartialBound.OfPartialLevel): the dims before `chosen`
        // at their factors, each later one between 1 and a random largest factor at least the mapping's (a divisor of what
        // is left of it for this level and the ones above, as the walker's largest fitting factor is).
        var rng = new Random(seed ^ 0x9a77);
        for (int level = 1; level < levels.Count - 1; level++)
        {
            var left = LeftFrom(temporal, level);
            for (int chosen = 0; chosen < Dims.Count; chosen++)
            {
                var partial = temporal.Select(t => t.ToArray()).ToArray();
                var high = new int[Dims.Count];
                for (int d = 0; d < Dims.Count; d++)
                {
                    if (d < chosen) { high[d] = temporal[level][d]; continue; }
                    partial[level][d] = 1;
                    high[d] = RandomHigh(left[d], temporal[level][d], rng);
                }
                for (int i = 0; i < level; i++) partial[i] = LevelMapping.Ones(); // free levels: what the walker left there is stale
                double energy = bound.OfPartialLevel(level, high, partial, x, y, keeps, out long cycles);
                if (energy > total * (1 + Incumbent.RoundingMargin)) failures.Add($"energy bound {energy} > {total} at level {level} chosen to dim {chosen}");
                if (cycles > exact.Cycles) failures.Add($"cycle bound {cycles} > {exact.Cycles} at level {level} chosen to dim {chosen}");
            }
        }
        // A group of innermost tilings (Walker.GroupBound, PartialBound.OpenInnermost.cs): the innermost level partly chosen
        // on a random set of N, G and C (PartialBound.GroupDims), each between 1 and a random largest factor at least the mapping's,
        // its other dims at the mapping's factors, every level above free; on three or more levels, not on systolic arrays.
        int inner = levels.Count - 1;
        if (inner >= 2 && !bound.Systolic)
            for (int trial = 0; trial < 3; trial++)
            {
                int bits = rng.Next(1, 8);
                int open = (bits & 3) | ((bits & 4) << 1); // bits 0, 1, 2 -> N, G, C
                var left = LeftFrom(temporal, inner);
                var partial = temporal.Select(t => t.ToArray()).ToArray();
                var high = temporal[inner].ToArray();
                for (int d = 0; d < Dims.Count; d++)
                {
                    if ((open & (1 << d)) == 0) continue;
                    partial[inner][d] = 1;
                    high[d] = RandomHigh(left[d], temporal[inner][d], rng);
                }
                for (int i = 0; i < inner; i++) partial[i] = LevelMapping.Ones();
                double energy = bound.OfPartialLevel(inner, high, partial, x, y, keeps, out long cycles);
                if (energy > total * (1 + Incumbent.RoundingMargin)) failures.Add($"energy bound {energy} > {total} for the innermost group open on {open}");
                if (cycles > exact.Cycles) failures.Add($"cycle bound {cycles} > {exact.Cycles} for the innermost group open on {open}");
            }
        // The complete mapping's bound is not vacuous: it charges at least the MACs.
        double complete = bound.Of(0, temporal, x, y, keeps, out _);
        if (complete < exact.MacEnergy) failures.Add("complete bound below the MAC energy");
        return (failures.Count == 0).Label($"seed {seed}: {string.Join("; ", failures)}; case {c}");
    }

    // What is left of each dim for `level` and the levels above it: the product of their temporal factors.
    private static int[] LeftFrom(int[][] temporal, int level) =>
        Enumerable.Range(0, Dims.Count).Select(d => Enumerable.Range(0, level + 1).Aggregate(1, (p, i) => p * temporal[i][d])).ToArray();

    // A random largest factor for a dim of a partly chosen level: a divisor of what is left of it, at least the mapping's
    // factor (as the walker's largest fitting factor is).
    private static int RandomHigh(int left, int factor, Random rng)
    {
        var above = RandomCase.Divisors(left).Where(f => f >= factor).ToList();
        return above[rng.Next(above.Count)];
    }

    // The extents of the mapping's level-1 tile: every level's temporal and spatial factors from level 1 inward.
    private static long[] LevelOneExtents(LoopMapping mapping) => Enumerable.Range(0, Dims.Count)
        .Select(d => mapping.Levels.Skip(1).Aggregate(1L, (e, l) => e * l.Temporal[d] * l.SpatialX[d] * l.SpatialY[d])).ToArray();

    // Level 1 with a shared capacity of its tiles' words times 1 + `slack` (at most 2).
    private static Accelerator WithTightBuffer(Accelerator arch, RandomCase c, double slack)
    {
        var ext = LevelOneExtents(c.Mapping);
        long words = Tensors.All.Where(t => c.Mapping.Levels[1].Keeps.Has(t)).Sum(t => TileMath.TileSize(c.Problem, t, ext));
        var archLevels = arch.Levels.ToList();
        archLevels[1] = archLevels[1] with { Storage = archLevels[1].Storage with { CapacityWords = (long)(words * (1 + slack)), PartitionWords = null } };
        return arch with { Levels = archLevels };
    }

    // Each on-chip level's update energy drawn between 0 and its write energy (a bound pricing updates as writes fails).
    private static Accelerator WithCheaperUpdates(Accelerator arch, int seed)
    {
        var rng = new Random(seed ^ 0x5eed);
        var levels = arch.Levels.Select(level => level with
        {
            Storage = level.Storage with { Energy = level.Storage.Energy with { Update = level.Storage.Energy.Write * rng.NextDouble() } },
        }).ToList();
        return arch with { Levels = levels };
    }
}
