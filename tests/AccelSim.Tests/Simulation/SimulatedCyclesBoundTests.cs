using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Simulation;

/// <summary>
/// <see cref="SimulatedCyclesBound"/> is a lower bound on the simulator's total cycles: the mapper skips simulating a
/// candidate on its strength, so a bound above one simulated total would make the simulated tie-break pick wrongly.
/// </summary>
public class SimulatedCyclesBoundTests
{
    [Fact]
    public void TheBoundNeverExceedsTheSimulatedCyclesOfRandomMappingsWithRandomPorts()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed, perAxis: seed % 2 == 0);
            var arch = SimulatorAgreementTests.WithRandomPorts(c.Arch, new Random(seed));
            var analytical = AnalyticalModel.Evaluate(c.Problem, arch, c.Mapping);
            double bound = SimulatedCyclesBound.Of(c.Problem, arch, c.Mapping, analytical.ComputeCycles + analytical.PipelineCycles);
            long total = CycleSimulator.Run(c.Problem, arch, c.Mapping).TotalCycles;
            return (bound <= total + 1e-9).Label($"seed {seed}: bound {bound} > simulated {total}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
    }

    [Fact]
    public void TheBoundHoldsOnEveryTiedMappingOfASystolicLayerAndIsTightSomewhere()
    {
        // tpu-v1's systolic array (fold skew), DRAM at 46 words/cycle: MobileNet v1 conv4_pw reduced to 14 output rows.
        var arch = ArchitectureLibrary.Load("tpu-v1");
        var problem = new ProblemShape(1, 1, 128, 128, 14, 56, 1, 1);
        var kept = new List<LoopMapping>();
        Mapper.Search(problem, arch, Dataflows.WeightStationary, new MapperOptions { SimulationCap = 40, OnSimulationCandidates = kept.AddRange });
        var tied = kept.Select(m => (Mapping: m, Eval: AnalyticalModel.Evaluate(problem, arch, m))).ToList();
        Assert.Single(tied.Select(t => t.Eval.TotalEnergy).Distinct());
        Assert.True(tied.Count >= 10, $"{tied.Count} tied mappings");
        double slack = double.PositiveInfinity;
        foreach (var (mapping, eval) in tied)
        {
            double bound = SimulatedCyclesBound.Of(problem, arch, mapping, eval.ComputeCycles + eval.PipelineCycles);
            long total = CycleSimulator.Run(problem, arch, mapping).TotalCycles;
            Assert.True(bound <= total + 1e-9, $"bound {bound} > simulated {total}");
            slack = Math.Min(slack, (total - bound) / total);
        }
        // Not a vacuous bound: within 20 % of the simulated cycles on some tied mapping.
        Assert.True(slack < 0.2, $"the bound is at least {slack:P0} below every simulated total");
    }
}
