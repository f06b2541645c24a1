using AccelSim.Architecture;
using AccelSim.Model;
using AccelSim.Simulation;
using AccelSim.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Simulation;

/// <summary>The cycle-level simulator against the analytical model on random tiny layers, architectures and mappings.</summary>
public class SimulatorAgreementTests
{
    [Fact]
    public void RandomCasesCountExactlyLikeTheAnalyticalModel()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed);
            var expected = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping).Counts;
            var actual = CycleSimulator.Run(c.Problem, c.Arch, c.Mapping).Counts;
            bool same = actual.SameAs(expected, out var diff);
            return same.Label($"seed {seed}: {diff}; case {c}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void PerAxisNetworksAndMustKeepsCountExactlyLikeTheAnalyticalModel()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed, perAxis: true);
            var expected = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping).Counts;
            var actual = CycleSimulator.Run(c.Problem, c.Arch, c.Mapping).Counts;
            bool same = actual.SameAs(expected, out var diff);
            return same.Label($"seed {seed}: {diff}; case {c}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void RandomCasesWithFiniteBandwidthsRespectEveryBound()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed);
            var arch = WithRandomPorts(c.Arch, new Random(seed));
            var analytical = AnalyticalModel.Evaluate(c.Problem, arch, c.Mapping);
            var sim = CycleSimulator.Run(c.Problem, arch, c.Mapping);
            var label = $"seed {seed}: total {sim.TotalCycles} compute {analytical.ComputeCycles} bandwidth [{string.Join(",", analytical.BandwidthCycles)}]";
            bool bounded = sim.TotalCycles >= analytical.ComputeCycles && analytical.BandwidthCycles.All(b => sim.TotalCycles >= b);
            // Every cycle is compute, pipeline skew or a stall charged to somebody (the last one may be fractional).
            double accounted = sim.ComputeCycles + sim.PipelineCycles + sim.StallCycles;
            bool balanced = Math.Abs(sim.TotalCycles - accounted) < 1 + 1e-6;
            bool sameCounts = sim.Counts.SameAs(analytical.Counts, out _);
            return (bounded && balanced && sameCounts && sim.ComputeCycles == analytical.ComputeCycles).Label(label + $" accounted {accounted}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    // Same levels with small, partly fractional bandwidths and random double buffering, so that every port can stall.
    internal static Accelerator WithRandomPorts(Accelerator arch, Random rng)
    {
        double[] choices = [0.5, 1, 2, 3, 4, 8, double.PositiveInfinity];
        var levels = arch.Levels.Select(l => l with
        {
            Storage = l.Storage with
            {
                ReadBandwidth = choices[rng.Next(choices.Length)],
                WriteBandwidth = choices[rng.Next(choices.Length)],
                DoubleBuffered = rng.Next(2) == 0,
            },
        }).ToList();
        return arch with { Levels = levels };
    }
}
