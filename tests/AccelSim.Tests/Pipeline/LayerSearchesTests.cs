using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Pipeline;
using AccelSim.Search;
using AccelSim.Workloads.Zoo;
using Xunit;

namespace AccelSim.Tests.Pipeline;

/// <summary>A model run searches several layer shapes at once; the results must be those of one shape at a time.</summary>
public class LayerSearchesTests
{
    [Theory]
    [InlineData("lenet5", "eyeriss")]
    [InlineData("squeezenet1.1", "simba")] // repeated fire-module shapes: searched once, shared by their layers
    public void ConcurrentShapeSearchesGiveTheSameRunAsOneAtATime(string model, string archName)
    {
        var arch = ArchitectureLibrary.Load(archName);
        var graph = ModelZoo.Get(model);
        var one = ModelRunner.Run(graph, arch, new ModelRunOptions { Mapper = new MapperOptions { Threads = 1 } });
        var two = ModelRunner.Run(graph, arch, new ModelRunOptions { Mapper = new MapperOptions { Threads = 2 } });
        Assert.Equal(one.Layers.Count, two.Layers.Count);
        for (int i = 0; i < one.Layers.Count; i++)
        {
            var (a, b) = (one.Layers[i], two.Layers[i]);
            Assert.Equal(a.Layer, b.Layer);
            Assert.Equal(a.Cycles, b.Cycles);
            Assert.Equal(a.LevelEnergy, b.LevelEnergy);
            Assert.Equal(a.Mapping is null ? "" : MappingYaml.Write(arch, a.Mapping), b.Mapping is null ? "" : MappingYaml.Write(arch, b.Mapping));
        }
    }
}
