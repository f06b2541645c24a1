using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Pipeline;
using AccelSim.Sparsity;
using AccelSim.Workloads.Zoo;
using Xunit.Abstractions;

namespace AccelSim.Tests.Validation;

/// <summary>
/// The Eyeriss chip against AccelSim with the chip's own mappings (JSSC 2017 Table III, arch-configs/eyeriss-alexnet/)
/// and its measured ifmap densities: AlexNet CONV1-5 at batch 4 and 200 MHz against JSSC 2017 Table V
/// (docs/validation.md, "Eyeriss chip measurements").
/// </summary>
public class EyerissChipTests(ITestOutputHelper output)
{
    // JSSC 2017 Table V, CONV1-5: processing latency and total latency (ms), DRAM accesses (MB).
    private static readonly double[] ChipProcessingMs = [16.5, 39.2, 21.8, 16.0, 10.0];
    private static readonly double[] ChipTotalMs = [20.9, 41.9, 23.6, 18.4, 10.5];
    private static readonly string[] Convs = ["conv1", "conv2", "conv3", "conv4", "conv5"];

    private static readonly Lazy<(ModelRunResult Dense, ModelRunResult Sparse)> Runs = new(() =>
    {
        string folder = Path.Combine(ShippedFiles.FindFolder(ShippedFiles.ArchConfigs)!, "eyeriss-alexnet");
        var arch = ArchitectureLibrary.Load("eyeriss");
        var options = new ModelRunOptions { Batch = 4, Replay = MappingReplay.Load(Path.Combine(folder, "chip-mappings-batch4.yaml"), arch) };
        var model = ModelZoo.Get("alexnet");
        var sparse = options with { Densities = LayerDensities.Load(Path.Combine(folder, "jssc2017-densities.yaml")) };
        return (ModelRunner.Run(model, arch, options), ModelRunner.Run(model, arch, sparse));
    });

    private static LayerResult Layer(ModelRunResult run, string name) => run.Layers.Single(l => l.Layer == name);

    [Fact]
    public void ProcessingAndTotalLatencyOfEveryConvLayerAreWithinTwentyPercentOfTheChip()
    {
        var run = Runs.Value.Sparse;
        for (int i = 0; i < Convs.Length; i++)
        {
            var layer = Layer(run, Convs[i]);
            double compute = layer.ComputeCycles / 200e3, total = layer.Cycles / 200e3;
            output.WriteLine($"{Convs[i]}: compute {compute:F1} ms (chip {ChipProcessingMs[i]}), total {total:F1} ms (chip {ChipTotalMs[i]})");
            Assert.InRange(compute / ChipProcessingMs[i], 0.8, 1.2);
            Assert.InRange(total / ChipTotalMs[i], 0.8, 1.2);
        }
    }

    [Fact]
    public void ZerosChangeEnergyAndDramTrafficButNotCycles()
    {
        var (dense, sparse) = Runs.Value;
        foreach (string name in Convs)
        {
            LayerResult d = Layer(dense, name), s = Layer(sparse, name);
            Assert.Equal(d.Cycles, s.Cycles);
            Assert.Equal(d.LevelWords[1], s.LevelWords[1]);      // the GLB holds ifmaps uncoded
            Assert.Equal(d.NetworkEnergy, s.NetworkEnergy);
        }
        // Gating keeps only the MACs whose ifmap is non-zero: CONV3's ifmaps are 27.5% non-zero.
        Assert.Equal(0.275, Layer(sparse, "conv3").MacEnergy / Layer(dense, "conv3").MacEnergy, 9);
        // CONV3-5's ifmaps are mostly zeros: their coded DRAM traffic is well below the raw one.
        foreach (string name in new[] { "conv3", "conv4", "conv5" })
            Assert.True(Layer(sparse, name).DramWords < 0.8 * Layer(dense, name).DramWords, name);
    }

    [Theory]
    [InlineData(1.0, 64.0 / 3)]          // every word its own pair: 21.3 bits, the format's cost on dense data
    [InlineData(0.5, 64.0 / 3 / 2)]      // a pair covers 1 + Σ 0.5^j ≈ 2 words (runs longer than 31 are negligible)
    public void RunLengthBitsPerWordFollowTheFormat(double density, double bits)
    {
        var eyeriss = new RunLengthFormat(RunBits: 5, ValueBits: 16, PairsPerWord: 3, WordBits: 64);
        Assert.Equal(bits, eyeriss.BitsPerWord(density), 6);
    }

    [Fact]
    public void RunLengthCodingOfAllZerosIsBoundedByTheLongestRun()
    {
        // A pair covers at most 31 zeros and one more word: 64/3 bits per 32 words.
        var eyeriss = new RunLengthFormat(5, 16, 3, 64);
        Assert.Equal(64.0 / 3 / 32, eyeriss.BitsPerWord(1e-12), 6);
    }
}
