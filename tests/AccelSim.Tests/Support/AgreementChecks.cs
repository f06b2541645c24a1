using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Simulation;
using AccelSim.Tests.Simulation;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Support;

/// <summary>
/// The FsCheck properties that hold the three implementations to each other on random cases from a generator (a seed
/// in, a <see cref="RandomCase"/> out): the analytical model against the MAC-by-MAC brute force, and the cycle-level
/// simulator against the analytical model (counts and compute cycles; with random finite ports, counts and the cycle
/// accounting).
/// </summary>
public static class AgreementChecks
{
    /// <summary>The model's counts equal the brute force's on <paramref name="cases"/> cases; <paramref name="observe"/> sees each valid case.</summary>
    public static void ModelMatchesBruteForce(Func<int, RandomCase> generate, int cases, Action<RandomCase>? observe = null)
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = generate(seed);
            MappingValidator.Validate(c.Problem, c.Arch, c.Mapping);
            observe?.Invoke(c);
            var expected = new BruteForceCounter(c.Problem, c.Arch, c.Mapping).Run();
            var actual = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping).Counts;
            bool same = actual.SameAs(expected, out var diff);
            return same.Label($"seed {seed}: {diff}; {Flatten(c)}case {c}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
    }

    /// <summary>The simulator's counts and compute cycles equal the model's on <paramref name="cases"/> cases.</summary>
    public static void SimulatorMatchesModel(Func<int, RandomCase> generate, int cases)
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = generate(seed);
            var analytical = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping);
            var sim = CycleSimulator.Run(c.Problem, c.Arch, c.Mapping);
            bool same = sim.Counts.SameAs(analytical.Counts, out var diff);
            bool cycles = sim.ComputeCycles == analytical.ComputeCycles;
            return (same && cycles).Label($"seed {seed}: {diff}; compute {sim.ComputeCycles} vs {analytical.ComputeCycles}; {Flatten(c)}case {c}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
    }

    /// <summary>With random finite ports, the simulator still counts like the model, never beats its compute cycles, and accounts for every cycle.</summary>
    public static void SimulatorRespectsEveryBound(Func<int, RandomCase> generate, int cases)
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = generate(seed);
            var arch = SimulatorAgreementTests.WithRandomPorts(c.Arch, new Random(seed));
            var analytical = AnalyticalModel.Evaluate(c.Problem, arch, c.Mapping);
            var sim = CycleSimulator.Run(c.Problem, arch, c.Mapping);
            double accounted = sim.ComputeCycles + sim.PipelineCycles + sim.StallCycles;
            bool bounded = sim.TotalCycles >= analytical.ComputeCycles && Math.Abs(sim.TotalCycles - accounted) < 1 + 1e-6;
            bool same = sim.Counts.SameAs(analytical.Counts, out var diff);
            return (bounded && same).Label($"seed {seed}: {diff}; total {sim.TotalCycles} compute {analytical.ComputeCycles} accounted {accounted}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases), property);
    }

    private static string Flatten(RandomCase c) => c.Mapping.IsFlattened ? $"flatten {string.Join(", ", c.Mapping.Flatten)}; " : "";
}
