using AccelSim.Architecture;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// `keeps` is must-keep and `may_keep` optional: the bypass search varies only the optional tensors, is never worse, stays
/// valid and deterministic, and never streams past a buffer the hardware cannot skip.
/// </summary>
public class BypassSearchTests
{
    // TPU v1 with its Unified Buffer, Weight FIFO and Accumulators made optional (a what-if, not the chip: its buffers
    // sit on the data path). The PE registers are a PE level, where the dataflow decides what is kept.
    internal static Accelerator TpuWithOptionalBuffers()
    {
        string text = File.ReadAllText(ShippedFiles.ResolveArch("tpu-v1"));
        text = text.Replace("    keeps: [", "    may_keep: [");
        Assert.Contains("may_keep", text);
        return ArchitectureYaml.Parse(text, "tpu-optional.yaml");
    }

    [Theory]
    [InlineData("simba", "ws")]
    [InlineData("tpu-v1", "ws")]
    [InlineData("eyeriss-isca2016", "ws")]
    [InlineData("systolic-32x32", "os")]
    public void ShippedBuffersAreMustKeepSoBypassSearchChangesNothing(string archName, string dataflow)
    {
        var arch = ArchitectureLibrary.Load(archName);
        Assert.All(arch.Levels, l => Assert.Equal(TensorSet.None, l.Storage.OptionalKeeps));
        var problem = MapperInvariantTests.AlexNetConv3;
        var options = new MapperOptions { SpatialCandidates = 4 };
        var fixedKeeps = Mapper.Search(problem, arch, Dataflows.Get(dataflow), options);
        var searched = Mapper.Search(problem, arch, Dataflows.Get(dataflow), options with { SearchBypass = true });
        Assert.Equal(fixedKeeps.Evaluation.TotalEnergy, searched.Evaluation.TotalEnergy);
        Assert.Equal(fixedKeeps.Stats.TilingSpace, searched.Stats.TilingSpace);
        // Every buffer between DRAM and the PEs keeps what it must (the TPU's Unified Buffer, Weight FIFO, Accumulators).
        for (int i = 1; i < arch.Levels.Count - 1; i++)
            Assert.Equal(arch.Levels[i].Storage.Keeps, searched.Mapping.Levels[i].Keeps & arch.Levels[i].Storage.Keeps);
    }

    [Fact]
    public void OptionalKeepsAreSearchedNeverWorseValidAndDeterministic()
    {
        var arch = TpuWithOptionalBuffers();
        Assert.All(arch.Levels.Skip(1).SkipLast(1), l => Assert.Equal(l.Storage.Keeps, l.Storage.OptionalKeeps));
        var problem = MapperInvariantTests.AlexNetConv3;
        var options = new MapperOptions { SpatialCandidates = 4 };
        var fixedKeeps = Mapper.Search(problem, arch, Dataflows.WeightStationary, options);
        var searched = Mapper.Search(problem, arch, Dataflows.WeightStationary, options with { SearchBypass = true });
        Assert.Empty(MappingValidator.Check(problem, arch, searched.Mapping, Dataflows.WeightStationary));
        Assert.True(searched.Evaluation.TotalEnergy <= fixedKeeps.Evaluation.TotalEnergy);
        Assert.True(searched.Stats.TilingSpace > fixedKeeps.Stats.TilingSpace);
        // Measured: 8.926 -> 8.485 pJ/MAC, by streaming weights and partial sums past the Weight FIFO and Accumulators.
        Assert.True(searched.Evaluation.TotalEnergy < 0.99 * fixedKeeps.Evaluation.TotalEnergy,
            $"{searched.Evaluation.EnergyPerMac:F3} vs {fixedKeeps.Evaluation.EnergyPerMac:F3} pJ/MAC");
        Assert.NotEqual(fixedKeeps.Mapping.Levels.Select(l => l.Keeps), searched.Mapping.Levels.Select(l => l.Keeps));
        var again = Mapper.Search(problem, arch, Dataflows.WeightStationary, options with { SearchBypass = true, Threads = 1 });
        Assert.Equal(searched.Evaluation.TotalEnergy, again.Evaluation.TotalEnergy);
    }

    [Theory]
    [InlineData("    keeps: [inputs, outputs]\n", "    keeps: [inputs, outputs]\n    may_keep: [inputs]\n", "levels[1].may_keep: inputs is also in keeps")]
    [InlineData("    partitions: {weights: 32KB, inputs: 8KB, outputs: 1024}\n", "    partitions: {weights: 32KB, outputs: 1024}\n    keeps: [weights]\n    may_keep: [inputs]\n", "levels[2].may_keep: inputs has no partition")]
    public void MayKeepIsChecked(string find, string replace, string expected)
    {
        string text = File.ReadAllText(ShippedFiles.ResolveArch("simba"));
        Assert.Contains(find, text);
        var e = Assert.Throws<InputException>(() => ArchitectureYaml.Parse(text.Replace(find, replace), "x.yaml"));
        Assert.Contains(expected, e.Message);
    }
}
