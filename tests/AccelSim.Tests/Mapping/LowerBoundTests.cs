using AccelSim.Mapping.Search;
using AccelSim.Model;
using AccelSim.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// The branch-and-bound bound is a true lower bound: for a random layer, a random architecture (three levels with lanes below
/// the PE buffers, per-axis networks, must-keeps and bypass; or three to five levels with partitions) and a random mapping, the bound of every partial mapping the
/// walker could meet on the way to it (levels fixed from the innermost outward, and the spatial unrolling alone) is at most
/// the mapping's energy and its analytical cycles.
/// </summary>
public class LowerBoundTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BoundOfEveryPartialMappingIsAtMostTheEvaluatedMapping(bool perAxis) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500),
            Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed => Holds(seed, RandomCase.FromSeed(seed, perAxis))));

    /// <summary>
    /// The same on three to five levels: fan-outs with per-axis networks at any on-chip level (lanes under a register file),
    /// random bypass at every on-chip level, per-tensor partitions with their own read, write and update energies.
    /// </summary>
    [Fact]
    public void BoundHoldsOnDeepHierarchiesWithPartitions() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000),
            Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed => Holds(seed, RandomDeepCase.FromSeed(seed))));

    private static Property Holds(int seed, RandomCase c)
    {
        var exact = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping);
        var levels = c.Mapping.Levels;
        var temporal = levels.Select(l => l.Temporal.ToArray()).ToArray();
        var x = levels.Select(l => l.SpatialX.ToArray()).ToArray();
        var y = levels.Select(l => l.SpatialY.ToArray()).ToArray();
        var keeps = levels.Select(l => l.Keeps).ToArray();
        var bound = new PartialBound(c.Problem, c.Arch);
        var failures = new List<string>();
        for (int fixedFrom = 0; fixedFrom <= levels.Count; fixedFrom++)
        {
            double energy = bound.Of(fixedFrom, temporal, x, y, keeps, out long cycles);
            if (energy > exact.TotalEnergy * (1 + Incumbent.RoundingMargin)) failures.Add($"energy bound {energy} > {exact.TotalEnergy} fixing from {fixedFrom}");
            if (cycles > exact.Cycles) failures.Add($"cycle bound {cycles} > {exact.Cycles} fixing from {fixedFrom}");
        }
        // The complete mapping's bound is not vacuous: it charges at least the MACs.
        double complete = bound.Of(0, temporal, x, y, keeps, out _);
        if (complete < exact.MacEnergy) failures.Add("complete bound below the MAC energy");
        return (failures.Count == 0).Label($"seed {seed}: {string.Join("; ", failures)}; case {c}");
    }
}
