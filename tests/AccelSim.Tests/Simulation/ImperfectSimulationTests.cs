using AccelSim.Model;
using AccelSim.Simulation;
using AccelSim.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Simulation;

/// <summary>The cycle-level simulator against the analytical model on imperfectly factorized mappings.</summary>
public class ImperfectSimulationTests
{
    [Fact]
    public void RandomImperfectCasesCountExactlyLikeTheAnalyticalModel()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomImperfectCase.FromSeed(seed);
            var analytical = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping);
            var sim = CycleSimulator.Run(c.Problem, c.Arch, c.Mapping);
            bool same = sim.Counts.SameAs(analytical.Counts, out var diff);
            bool cycles = sim.ComputeCycles == analytical.ComputeCycles;
            return (same && cycles).Label($"seed {seed}: {diff}; compute {sim.ComputeCycles} vs {analytical.ComputeCycles}; case {c}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void RandomImperfectCasesWithFiniteBandwidthsRespectEveryBound()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomImperfectCase.FromSeed(seed);
            var arch = SimulatorAgreementTests.WithRandomPorts(c.Arch, new Random(seed));
            var analytical = AnalyticalModel.Evaluate(c.Problem, arch, c.Mapping);
            var sim = CycleSimulator.Run(c.Problem, arch, c.Mapping);
            double accounted = sim.ComputeCycles + sim.PipelineCycles + sim.StallCycles;
            bool bounded = sim.TotalCycles >= analytical.ComputeCycles && Math.Abs(sim.TotalCycles - accounted) < 1 + 1e-6;
            bool same = sim.Counts.SameAs(analytical.Counts, out var diff);
            return (bounded && same).Label($"seed {seed}: {diff}; total {sim.TotalCycles} compute {analytical.ComputeCycles} accounted {accounted}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }
}
