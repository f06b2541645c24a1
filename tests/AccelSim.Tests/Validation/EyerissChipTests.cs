using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Pipeline;
using AccelSim.Sparsity;
using AccelSim.Workloads;
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
    private static readonly double[] ChipDramMb = [5.0, 4.0, 3.0, 2.1, 1.3];
    private static readonly double[] ChipPowerMw = [332, 288, 266, 235, 236];
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

    [Fact]
    public void TheFirstLayersImageCrossesTheLinkRawAsOnTheChip()
    {
        // JSSC 2017: every fmap is stored RLC-coded "except for the input data to the first layer". CONV1's inputs cost the
        // same with and without densities (coded, its dense image would cost 21.3 bits a word); its ofmaps are coded.
        var (dense, sparse) = Runs.Value;
        LayerResult d = Layer(dense, "conv1"), s = Layer(sparse, "conv1");
        Assert.Equal(d.TensorEnergy[(int)TensorKind.Inputs], s.TensorEnergy[(int)TensorKind.Inputs], 6);
        Assert.True(s.DramWords < d.DramWords);
        // CONV2's ifmaps are the first coded ones: 61.3% non-zero.
        Assert.True(Layer(sparse, "conv2").TensorEnergy[(int)TensorKind.Inputs] < Layer(dense, "conv2").TensorEnergy[(int)TensorKind.Inputs]);
    }

    [Fact]
    public void SparseDramTrafficOfConv1To4IsWithinFifteenPercentOfTheChip()
    {
        // CONV2's two PE-set segments get their filters from one GLB read (the filter GIN multicasts by row ID); CONV5's
        // ofmap density is not published, so it travels dense and stays above the chip (docs/validation.md).
        var run = Runs.Value.Sparse;
        for (int i = 0; i < 4; i++)
        {
            double mb = Layer(run, Convs[i]).DramBytes / 1e6;
            output.WriteLine($"{Convs[i]}: DRAM {mb:F2} MB (chip {ChipDramMb[i]})");
            Assert.InRange(mb / ChipDramMb[i], 0.85, 1.15);
        }
        Assert.True(Layer(run, "conv5").DramBytes / 1e6 > ChipDramMb[4]);
    }

    [Fact]
    public void WithTheClockNetworkOnChipEnergyIsBelowTheChipsPowerTimesLatencyByLessThanTwice()
    {
        // Access energies alone are 4-5x below the chip's power x latency; the clock network's 106.3 mW (CNNergy's model)
        // brings every layer within 2x, and AccelSim stays below the chip: control, I/O and the spads' real cost are missing.
        var run = Runs.Value.Sparse;
        for (int i = 0; i < Convs.Length; i++)
        {
            var layer = Layer(run, Convs[i]);
            double chipPj = ChipPowerMw[i] * 1e-3 * ChipTotalMs[i] * 1e-3 * 1e12;
            double onChip = layer.Energy - layer.LevelEnergy[0];
            double accessOnly = onChip - layer.BackgroundEnergy;
            output.WriteLine($"{Convs[i]}: chip / AccelSim on-chip {chipPj / onChip:F2} (access energies only {chipPj / accessOnly:F2})");
            Assert.InRange(chipPj / onChip, 1.0, 2.0);
            Assert.True(chipPj / accessOnly > 3.5);
        }
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
