using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Pipeline;
using AccelSim.Sparsity;
using AccelSim.Workloads;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Sparsity;

/// <summary>The post-pass's rules (docs/sparsity.md) on eyeriss' RLC DRAM link and zero gating.</summary>
public class SparsityPassTests
{
    private static readonly Accelerator Eyeriss = ArchitectureLibrary.Load("eyeriss");
    private static readonly ProblemShape Conv3 = ModelZoo.Get("alexnet").MacLayers.Single(l => l.Name == "conv3").Problem!.WithBatchMultiplier(4);

    private static LoopMapping ChipConv3(string dramOrder)
    {
        string file = Path.Combine(ShippedFiles.FindFolder(ShippedFiles.ArchConfigs)!, "eyeriss-alexnet", "chip-mappings-batch4.yaml");
        var mapping = MappingYaml.Load(file, Eyeriss, "conv3");
        var dram = mapping.Levels[0];
        var order = dramOrder.Select(c => Enum.Parse<Dim>(c.ToString())).ToList();
        var levels = mapping.Levels.ToList();
        levels[0] = new LevelMapping(dram.Temporal.ToArray(), [.. order, .. Dims.All.Where(d => !order.Contains(d))], dram.SpatialX.ToArray(), dram.SpatialY.ToArray(), dram.Keeps);
        return new LoopMapping(levels);
    }

    private static (Evaluation Eval, LayerResult Sparse) Run(LoopMapping mapping, LayerDensity density)
    {
        var eval = AnalyticalModel.Evaluate(Conv3, Eyeriss, mapping);
        var dense = new LayerResult
        {
            Layer = "conv3", Kind = LayerKind.Conv, Problem = Conv3, Macs = Conv3.Macs,
            LevelEnergy = Enumerable.Range(0, Eyeriss.Levels.Count).Select(eval.LevelEnergy).ToArray(),
            TensorEnergy = Tensors.All.Select(eval.TensorEnergy).ToArray(), MacEnergy = eval.MacEnergy, DramWords = eval.DramWords,
        };
        return (eval, SparsityPass.Apply(dense, eval, Eyeriss, density));
    }

    [Fact]
    public void OnlyFinalOutputsAreCodedSpilledPartialSumsTravelRaw()
    {
        var density = new LayerDensity(Inputs: 1, Outputs: 0.3);
        var format = Eyeriss.Sparse!.Compression.Single().Format;
        double inputRatio = format.BitsPerWord(1) / 16, outputRatio = format.BitsPerWord(0.3) / 16;
        long finals = Conv3.TensorSize(TensorKind.Outputs);
        // The chip's order (filter groups outside channel passes) keeps psums on chip; channel passes outermost spill them.
        foreach (string order in new[] { "MC", "CM" })
        {
            var (eval, sparse) = Run(ChipConv3(order), density);
            var outputs = eval.Counts.Get(0, TensorKind.Outputs);
            if (order == "CM") Assert.True(outputs.Reads > 0 && outputs.Updates > finals, "the CM order should spill psums to DRAM");
            double expected = eval.DramWords - (1 - inputRatio) * eval.Counts.Get(0, TensorKind.Inputs).Reads - (1 - outputRatio) * finals;
            Assert.Equal(Math.Round(expected), sparse.DramWords);
        }
    }

    [Fact]
    public void GatingScalesTheMacAndTheInnermostWeightReadsByTheInputDensity()
    {
        var (eval, sparse) = Run(ChipConv3("MC"), new LayerDensity(Inputs: 0.25));
        int spad = Eyeriss.Levels.Count - 1;
        double weightReads = eval.Counts.Get(spad, TensorKind.Weights).Reads * Eyeriss.Levels[spad].Storage.EnergyFor(TensorKind.Weights).Read;
        Assert.Equal(0.25 * eval.MacEnergy, sparse.MacEnergy, 6);
        Assert.Equal(eval.LevelEnergy(spad) - 0.75 * weightReads, sparse.LevelEnergy[spad], 3);
        Assert.Equal(eval.LevelEnergy(1), sparse.LevelEnergy[1], 6);    // the global buffer neither gates nor codes
    }

    [Fact]
    public void WithoutSparseOptimizationsNothingChanges()
    {
        var plain = Eyeriss with { Sparse = null };
        var eval = AnalyticalModel.Evaluate(Conv3, plain, ChipConv3("MC"));
        var dense = new LayerResult { Layer = "conv3", Kind = LayerKind.Conv, Problem = Conv3, LevelEnergy = [1, 2, 3], TensorEnergy = [1, 2, 3], DramWords = 7 };
        Assert.Same(dense, SparsityPass.Apply(dense, eval, plain, new LayerDensity(0.1, 0.1, 0.1)));
    }
}
