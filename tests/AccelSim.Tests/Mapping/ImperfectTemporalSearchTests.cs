using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// The mapper's search of imperfect temporal factors (docs/mapper.md, "Imperfect factors"): the outermost level under
/// DRAM may take ⌈left ÷ k⌉ for any count k of the DRAM loop's iterations, so that its tile fits the buffer better.
/// </summary>
public class ImperfectTemporalSearchTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    public void ABufferTileThatDoesNotDivideTheBoundIsFoundAndCheaper(int words)
    {
        // 7 filters and 7 channels (primes) on one MAC: a 20- or 30-word buffer holds no perfect tile of the 49 weights
        // beyond one filter row; an imperfect one (4 + 3, 5 + 2, ...) holds more of them.
        var problem = new ProblemShape(8, 1, 7, 7, 1, 1, 1, 1);
        var arch = TestArchitectures.ThreeLevel(1, 1, TensorSet.All, reduction: true, bufferWords: words, rfWords: 16);
        var perfect = Mapper.Search(problem, arch, Dataflows.Get("ws"), new MapperOptions());
        var imperfect = Mapper.Search(problem, arch, Dataflows.Get("ws"), new MapperOptions { ImperfectFactors = true, ImperfectTemporal = true });
        Assert.True(imperfect.Evaluation.TotalEnergy < perfect.Evaluation.TotalEnergy, $"{imperfect.Evaluation.TotalEnergy} vs {perfect.Evaluation.TotalEnergy}");
        Assert.True(HasImperfectTemporalFactor(problem, imperfect.Mapping, SearchPlan.ImperfectLevel), LoopNestPrinter.Print(arch, imperfect.Mapping, problem));
        var sim = CycleSimulator.Run(problem, arch, imperfect.Mapping);
        Assert.True(sim.Counts.SameAs(imperfect.Evaluation.Counts, out var diff), diff);
    }

    [Fact]
    public void OnlyTheLevelUnderTheBackingStoreTakesImperfectTemporalFactors()
    {
        var problem = new ProblemShape(1, 1, 13, 3, 7, 7, 3, 3);
        var arch = TestArchitectures.ThreeLevel(2, 2, TensorSet.All, reduction: true, bufferWords: 400, rfWords: 16);
        var plan = SearchPlan.CreateAll(problem, arch, Dataflows.Get("os"), searchBypass: false, imperfect: true)[0];
        Assert.Equal([1, 2, 3, 4, 5, 7, 13], plan.TemporalFactors(SearchPlan.ImperfectLevel, 13));
        Assert.Equal([1, 13], plan.TemporalFactors(2, 13));
        Assert.Equal([1, 13], SearchPlan.CreateAll(problem, arch, Dataflows.Get("os"), false)[0].TemporalFactors(SearchPlan.ImperfectLevel, 13));
    }

    [Fact]
    public void TheTilingSpaceWithImperfectTemporalFactorsIsWhatAnUnprunedWalkEnumerates()
    {
        var arch = TestArchitectures.ThreeLevel(4, 3, TensorSet.All, reduction: true);
        var problem = new ProblemShape(1, 1, 7, 6, 5, 1, 2, 1);
        foreach (var dataflow in new[] { "ws", "os" })
        {
            var result = Mapper.Search(problem, arch, Dataflows.Get(dataflow),
                new MapperOptions { SpatialCandidates = int.MaxValue, ImperfectCandidates = int.MaxValue, ImperfectMaximalTilesOnly = false, FlattenedCandidates = int.MaxValue, MaximalTilesOnly = false, BranchAndBound = false, ImperfectFactors = true, ImperfectTemporal = true });
            Assert.Equal(result.Stats.TilingSpace, result.Stats.Factorizations);
            var perfect = Mapper.Search(problem, arch, Dataflows.Get(dataflow),
                new MapperOptions { SpatialCandidates = int.MaxValue, MaximalTilesOnly = false, BranchAndBound = false });
            Assert.True(result.Stats.TilingSpace > perfect.Stats.TilingSpace);
        }
    }

    private static bool HasImperfectTemporalFactor(ProblemShape problem, LoopMapping mapping, int level) =>
        Dims.All.Any(d =>
        {
            long inner = 1;
            for (int i = mapping.Levels.Count - 1; i > level; i--) inner *= (long)mapping.Levels[i].TemporalOf(d) * mapping.Levels[i].SpatialOf(d);
            inner *= mapping.Levels[level].SpatialOf(d);
            long left = (problem[d] + inner - 1) / inner;
            return left % mapping.Levels[level].TemporalOf(d) != 0;
        });
}
