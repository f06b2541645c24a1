using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Mapping.Search;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>Searching bypass choices explores a superset of the default space: never worse, always valid, deterministic.</summary>
public class BypassSearchTests
{
    [Theory]
    [InlineData("simba", "ws")]
    [InlineData("tpu-v1", "ws")]
    [InlineData("eyeriss-isca2016", "ws")]
    public void BypassSearchIsNeverWorseAndStaysValid(string archName, string dataflow)
    {
        var arch = ArchitectureLibrary.Load(archName);
        var problem = MapperInvariantTests.AlexNetConv3;
        var options = new MapperOptions { SpatialCandidates = 4 };
        var fixedKeeps = Mapper.Search(problem, arch, Dataflows.Get(dataflow), options);
        var searched = Mapper.Search(problem, arch, Dataflows.Get(dataflow), options with { SearchBypass = true });
        Assert.Empty(MappingValidator.Check(problem, arch, searched.Mapping));
        Assert.True(searched.Evaluation.TotalEnergy <= fixedKeeps.Evaluation.TotalEnergy);
        Assert.True(searched.Stats.TilingSpace > fixedKeeps.Stats.TilingSpace);
        var again = Mapper.Search(problem, arch, Dataflows.Get(dataflow), options with { SearchBypass = true, Threads = 1 });
        Assert.Equal(searched.Evaluation.TotalEnergy, again.Evaluation.TotalEnergy);
    }

    [Fact]
    public void SimbaGainsFromBypassingABuffer()
    {
        // Measured: AlexNet CONV3 on simba drops from 6.652 to 6.547 pJ/MAC when the search may bypass buffers (7.72 to 6.87
        // before each partition of the PE buffers was priced at its own size: small partitions made keeping cheaper).
        var arch = ArchitectureLibrary.Load("simba");
        var problem = MapperInvariantTests.AlexNetConv3;
        var fixedKeeps = Mapper.Search(problem, arch, Dataflows.WeightStationary, new MapperOptions { SpatialCandidates = 4 });
        var searched = Mapper.Search(problem, arch, Dataflows.WeightStationary, new MapperOptions { SpatialCandidates = 4, SearchBypass = true });
        Assert.True(searched.Evaluation.TotalEnergy < 0.99 * fixedKeeps.Evaluation.TotalEnergy,
            $"{searched.Evaluation.EnergyPerMac:F3} vs {fixedKeeps.Evaluation.EnergyPerMac:F3} pJ/MAC");
        // The gain comes from a different choice of kept tensors (here: the PE buffers hold only weights).
        Assert.Contains(Enumerable.Range(1, arch.Levels.Count - 1), i => searched.Mapping.Levels[i].Keeps != fixedKeeps.Mapping.Levels[i].Keeps);
    }
}
