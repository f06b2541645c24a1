using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// Five-level hierarchies where an outer buffer holds only some tensors (TPU-v1's weight FIFO above its accumulators):
/// a tiling that fills an inner level can make an outer one overflow, so pruning must look at the levels above.
/// </summary>
public class DeepHierarchyTests
{
    [Theory]
    [InlineData(128, 1, 768, 768, 1, 1, 1, 1)]   // BERT-base Q projection at 128 tokens
    [InlineData(1, 2, 128, 48, 27, 27, 5, 5)]    // AlexNet CONV2
    [InlineData(1, 1, 1024, 512, 7, 7, 1, 1)]    // MobileNet v1 conv13 pointwise
    public void TpuV1FindsAValidWeightStationaryMapping(int n, int g, int m, int c, int p, int q, int r, int s)
    {
        var arch = ArchitectureLibrary.Load("tpu-v1");
        var problem = new ProblemShape(n, g, m, c, p, q, r, s);
        foreach (bool maximal in new[] { true, false })
        {
            var result = Mapper.Search(problem, arch, Dataflows.WeightStationary, new MapperOptions { MaximalTilesOnly = maximal, SpatialCandidates = 4 });
            Assert.Empty(MappingValidator.Check(problem, arch, result.Mapping));
        }
    }
}
