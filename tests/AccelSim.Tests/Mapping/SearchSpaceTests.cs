using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>The reported size of the tiling space is the number of tilings an unpruned walk enumerates.</summary>
public class SearchSpaceTests
{
    [Theory]
    [InlineData("rs")]
    [InlineData("ws")]
    [InlineData("os")]
    public void TilingSpaceEqualsWhatAnUnprunedWalkEnumerates(string dataflow)
    {
        // Unbounded buffers: nothing is pruned by capacity, so the walk must visit the whole space.
        var arch = TestArchitectures.ThreeLevel(4, 3, TensorSet.All, reduction: true);
        var problem = new ProblemShape(1, 1, 8, 4, 4, 2, 3, 3);
        var result = Mapper.Search(problem, arch, Dataflows.Get(dataflow),
            new MapperOptions { SpatialCandidates = int.MaxValue, MaximalTilesOnly = false, BranchAndBound = false });
        Assert.Equal(0, result.Stats.CapacityPruned);
        Assert.Equal(result.Stats.TilingSpace, result.Stats.Factorizations);
        Assert.True(result.Stats.Evaluations >= result.Stats.Factorizations);
    }
}
