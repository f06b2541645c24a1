using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Mapping.Search;
using AccelSim.Workloads;
using Xunit.Abstractions;

namespace AccelSim.Tests.Mapping;

public class MapperSmokeTests(ITestOutputHelper output)
{
    public static readonly ProblemShape AlexNetConv3 = new(1, 1, 384, 256, 13, 13, 3, 3);

    [Fact]
    public void RowStationaryOnEyerissFindsAValidMapping()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        foreach (var df in Dataflows.All)
        {
            var result = Mapper.Search(AlexNetConv3, arch, df);
            output.WriteLine($"{df.Name}: {result.Evaluation.EnergyPerMac:F3}/MAC lb {result.LowerBoundEnergy / AlexNetConv3.Macs:F3} cycles {result.Evaluation.Cycles} util {result.Evaluation.Utilization:P1} evals {result.Stats.Evaluations} pruned {result.Stats.CapacityPruned} in {result.Stats.Elapsed.TotalMilliseconds:F0} ms");
            Assert.Empty(MappingValidator.Check(AlexNetConv3, arch, result.Mapping));
            Assert.True(result.Evaluation.TotalEnergy >= result.LowerBoundEnergy);
        }
    }
}
