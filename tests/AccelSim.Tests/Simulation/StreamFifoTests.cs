using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Simulation;
using AccelSim.Workloads;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Simulation;

/// <summary>
/// A single-buffered level's stream FIFO (<c>stream_fifo</c>, docs/simulator.md): tile changes that fit it overlap compute,
/// larger ones serialize; counts never change. Measured on the Eyeriss chip's own CONV3 mapping (arch-configs/eyeriss-alexnet/).
/// </summary>
public class StreamFifoTests
{
    private static (ProblemShape Problem, Accelerator Shipped, LoopMapping Mapping) Conv3() => ChipLayer("conv3");

    private static (ProblemShape Problem, Accelerator Shipped, LoopMapping Mapping) ChipLayer(string layer)
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        string file = Path.Combine(ShippedFiles.FindFolder(ShippedFiles.ArchConfigs)!, "eyeriss-alexnet", "chip-mappings-batch4.yaml");
        var problem = ModelZoo.Get("alexnet").MacLayers.Single(l => l.Name == layer).Problem!.WithBatchMultiplier(4);
        return (problem, arch, MappingYaml.Load(file, arch, layer));
    }

    [Theory]
    [InlineData("conv1")]
    [InlineData("conv2")]
    [InlineData("conv3")]
    [InlineData("conv4")]
    [InlineData("conv5")]
    public void ChipMappingsAreValidAndSimulatedCountsEqualTheAnalyticalOnes(string layer)
    {
        var (problem, arch, mapping) = ChipLayer(layer);
        Assert.Empty(MappingValidator.Check(problem, arch, mapping));
        var simulated = CycleSimulator.Run(problem, arch, mapping);
        Assert.True(AnalyticalModel.Evaluate(problem, arch, mapping).Counts.SameAs(simulated.Counts, out string difference), difference);
    }

    private static Accelerator WithSpadFifo(Accelerator arch, IReadOnlyDictionary<TensorKind, long>? fifo)
    {
        var levels = arch.Levels.ToList();
        levels[^1] = levels[^1] with { Storage = levels[^1].Storage with { StreamFifoWords = fifo } };
        return arch with { Levels = levels };
    }

    [Fact]
    public void FifoThatHoldsEachStepsWordsOverlapsThemWithComputeAndKeepsTheCounts()
    {
        var (problem, shipped, mapping) = Conv3();
        Assert.NotNull(shipped.Levels[^1].Storage.StreamFifoWords);
        var streamed = CycleSimulator.Run(problem, shipped, mapping);
        var serialized = CycleSimulator.Run(problem, WithSpadFifo(shipped, null), mapping);

        Assert.True(streamed.Counts.SameAs(serialized.Counts, out string difference), difference);
        Assert.True(streamed.TotalCycles < serialized.TotalCycles, $"{streamed.TotalCycles} vs {serialized.TotalCycles}");
        Assert.True(streamed.TotalCycles >= streamed.ComputeCycles);
        // What is left is not the spads: the psums' return to the global buffer and the per-pass filter loads.
        Assert.True(streamed.TotalCycles - streamed.ComputeCycles < (serialized.TotalCycles - serialized.ComputeCycles) / 2);
    }

    [Fact]
    public void FifoSmallerThanEveryChangeChangesNothing()
    {
        var (problem, shipped, mapping) = Conv3();
        var tiny = WithSpadFifo(shipped, new Dictionary<TensorKind, long> { [TensorKind.Inputs] = 1, [TensorKind.Outputs] = 1 });
        Assert.Equal(CycleSimulator.Run(problem, WithSpadFifo(shipped, null), mapping).TotalCycles, CycleSimulator.Run(problem, tiny, mapping).TotalCycles);
    }
}
