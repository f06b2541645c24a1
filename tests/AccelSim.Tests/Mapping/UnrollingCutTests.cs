using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Workloads;
using Xunit;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// The sound search builds work items only for the unrollings whose own bound does not exceed the seed (UnrollingCut):
/// the unrollings it leaves out hold no mapping at the optimum, so the search finds what a walk of every mapping finds.
/// </summary>
public class UnrollingCutTests
{
    [Theory]
    [InlineData("simba", 1, 4, 1, 1, 4, 4, 3, 3)]  // depthwise 3x3 (SoundSearchTests' shapes: the unpruned walk fits the suite)
    [InlineData("simba", 1, 1, 4, 2, 3, 3, 3, 3)]  // dense 3x3
    public void TheSearchLeavesUnrollingsOutAndFindsTheUnprunedOptimum(string archName, int n, int g, int m, int c, int p, int q, int r, int s)
    {
        var arch = ArchitectureLibrary.Load(archName);
        var problem = new ProblemShape(n, g, m, c, p, q, r, s);
        var flow = Dataflows.Get(arch.Dataflows[0]);
        var sound = new MapperOptions { SimulationCap = 0 }.Sound();
        var cut = Mapper.Search(problem, arch, flow, sound);
        var full = Mapper.Search(problem, arch, flow, sound with { BranchAndBound = false });
        Assert.True(cut.Stats.UnrollingsCut > 0);
        Assert.True(cut.Stats.BoundPruned >= cut.Stats.UnrollingsCut);
        Assert.Equal(full.Evaluation.TotalEnergy, cut.Evaluation.TotalEnergy);
        Assert.Equal(full.Evaluation.Cycles, cut.Evaluation.Cycles);
        Assert.Equal(0, full.Stats.UnrollingsCut); // no bound, no seed: every unrolling gets its items
    }
}
