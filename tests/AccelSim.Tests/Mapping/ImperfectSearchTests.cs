using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>The mapper's search of imperfect spatial factors (MapperOptions.ImperfectFactors, docs/mapper.md).</summary>
public class ImperfectSearchTests
{
    [Fact]
    public void SpatialFactorsAreTheFewestUnitsForEachFoldCount()
    {
        // 10 over 1..10 folds: 10, 5, 4 (3 folds), 3 (4 folds), 2, 2, 2, 2, 2, 1.
        Assert.Equal([1, 2, 3, 4, 5, 10], SpatialFactors.Imperfect(10));
        Assert.All(Divisors.Of(360), d => Assert.Contains(d, SpatialFactors.Imperfect(360)));
        Assert.True(SpatialFactors.Imperfect(512).Length < 2 * Math.Sqrt(512) + 2);
    }

    [Fact]
    public void ImperfectSearchIsNeverWorseAndFillsTheArray()
    {
        // Channels that are not multiples of the 12 rows and 14 columns: the perfect search leaves units idle.
        var arch = TestArchitectures.ThreeLevel(14, 12, TensorSet.All, reduction: true, bufferWords: 65536, rfWords: 512);
        var problem = new ProblemShape(1, 1, 32, 32, 7, 7, 1, 1);
        foreach (var objective in new[] { Objective.Energy, Objective.Latency })
        {
            var perfect = Mapper.Search(problem, arch, Dataflows.Get("ws"), new MapperOptions { Objective = objective });
            var imperfect = Mapper.Search(problem, arch, Dataflows.Get("ws"), new MapperOptions { Objective = objective, ImperfectFactors = true });
            double Figure(Evaluation e) => objective == Objective.Energy ? e.TotalEnergy : e.Cycles;
            Assert.True(Figure(imperfect.Evaluation) <= Figure(perfect.Evaluation), $"{objective}: {Figure(imperfect.Evaluation)} > {Figure(perfect.Evaluation)}");
            Assert.True(imperfect.Stats.SpatialCandidates > perfect.Stats.SpatialCandidates);
            if (objective == Objective.Latency)
            {
                Assert.False(FactorCoverage.IsPerfect(problem, imperfect.Mapping));
                Assert.True(imperfect.Evaluation.ComputeCycles < perfect.Evaluation.ComputeCycles,
                    $"compute {imperfect.Evaluation.ComputeCycles} vs {perfect.Evaluation.ComputeCycles}");
            }
            // What the mapper found is valid and the simulator counts it exactly like the model.
            var sim = CycleSimulator.Run(problem, arch, imperfect.Mapping);
            Assert.True(sim.Counts.SameAs(imperfect.Evaluation.Counts, out var diff), diff);
        }
    }

    [Fact]
    public void TheImperfectTilingSpaceIsWhatAnUnprunedWalkEnumerates()
    {
        var arch = TestArchitectures.ThreeLevel(4, 3, TensorSet.All, reduction: true);
        var problem = new ProblemShape(1, 1, 7, 5, 3, 2, 1, 1);
        var result = Mapper.Search(problem, arch, Dataflows.Get("ws"),
            new MapperOptions { SpatialCandidates = int.MaxValue, ImperfectCandidates = int.MaxValue, ImperfectMaximalTilesOnly = false, FlattenedCandidates = int.MaxValue, MaximalTilesOnly = false, BranchAndBound = false, ImperfectFactors = true });
        Assert.Equal(result.Stats.TilingSpace, result.Stats.Factorizations);
    }
}
