using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Robustness;

/// <summary>Shapes and counts are exact or refused with one line; never wrapped (tests at 2^31, 2^62, 2^63 MACs).</summary>
public class CountRangeTests
{
    private static string Workload(string name, params string[] layers)
    {
        string file = Path.Combine(CliRunner.TempDir(), name + ".yaml");
        File.WriteAllText(file, "model: " + name + "\nlayers:\n" + string.Concat(layers.Select(l => "  - " + l + "\n")));
        return file;
    }

    // N·C·M = 2^21 · 2^21 · 2^20 = 2^62 (tokens 2^20); 2^63 with 2^21 tokens.
    private static string MatMul(int tokensLog2) =>
        Workload($"mm{tokensLog2}", $"{{name: input, kind: input, shape: [2097152, {1 << tokensLog2}, 1]}}", "{name: mm, kind: matmul, input: input, out_features: 2097152}");

    [Fact]
    public void TwoToThe31MacsAreExactAndTheEnergySharesAddUp()
    {
        string file = Workload("fc31", "{name: input, kind: input, shape: [65536, 1, 1]}", "{name: fc, kind: fc, input: input, out_features: 32768}");
        var (exit, output, error) = CliRunner.Run("zoo", file, "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.Contains("fc,FullyConnected,N1 G1 M32768 C65536 P1 Q1 R1 S1,2147483648,2147483648,65536,32768", output);

        var arch = ArchitectureLibrary.Load("eyeriss");
        var problem = new ProblemShape(1, 1, 32768, 65536, 1, 1, 1, 1);
        var found = Mapper.Search(problem, arch, Dataflows.Get("rs"), new MapperOptions());
        var eval = found.Evaluation;
        Assert.Equal(1L << 31, eval.Counts.Macs);
        var parts = Enumerable.Range(0, arch.Levels.Count).Select(eval.LevelEnergy).Concat(eval.NetworkEnergy).Append(eval.MacEnergy).ToArray();
        Assert.All(parts, p => Assert.True(p >= 0, $"negative energy {p}"));
        Assert.Equal(1.0, parts.Sum() / eval.TotalEnergy, 12);
        Assert.Equal((1L << 31) * arch.Mac.EnergyPerMac, eval.MacEnergy, 6);
    }

    [Fact]
    public void TwoToThe62MacsAreExactInTheZooAndRefusedWhereAccessCountsWouldNotFit()
    {
        string file = MatMul(20);
        var (exit, output, error) = CliRunner.Run("zoo", file, "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.Contains(",4611686018427387904,", output);
        InputErrorAssert.Holds(CliRunner.Run("map", "--model", file, "--layer", "mm"), "--model", "out of range");
    }

    [Fact]
    public void TwoToThe63MacsAreRefusedNamingTheFileAndLayer()
    {
        string file = MatMul(21);
        InputErrorAssert.Holds(CliRunner.Run("zoo", file), file, "layer 'mm': out of range");
    }

    [Theory]
    [InlineData("{name: c, kind: conv, input: input, out_channels: 4, kernel: 3, padding: 2147483647}", "layer 'c': out of range")]
    [InlineData("{name: c, kind: conv, input: input, out_channels: 4, kernel: 3, padding: 2147483648}", "'padding' must be an integer")]
    [InlineData("{name: c, kind: maxpool, input: input, kernel: 3, padding: 2147483647}", "layer 'c': out of range")]
    public void AHugePaddingIsRefusedNotWrapped(string layer, string expected)
    {
        string file = Workload("pad", "{name: input, kind: input, shape: [3, 32, 32]}", layer);
        InputErrorAssert.Holds(CliRunner.Run("zoo", file), file, expected);
    }

    [Fact]
    public void HugeChannelCountsAreRefused()
    {
        string concat = Workload("concat", "{name: a, kind: input, shape: [2000000000, 1, 1]}", "{name: b, kind: input, shape: [2000000000, 1, 1]}",
            "{name: c, kind: concat, inputs: [a, b]}");
        InputErrorAssert.Holds(CliRunner.Run("zoo", concat), concat, "layer 'c': out of range");
        string wide = Workload("wide", "{name: input, kind: input, shape: [2147483647, 2147483647, 2147483647]}",
            "{name: c, kind: conv, input: input, out_channels: 2147483647, kernel: 1}");
        InputErrorAssert.Holds(CliRunner.Run("zoo", wide), wide, "layer 'input': out of range");
    }

    [Fact]
    public void AHugeBatchIsRefusedAtOnce()
    {
        InputErrorAssert.Holds(CliRunner.Run("map", "--model", "bert-base-encoder", "--layer", "q_proj", "--batch", "20000000"), "--batch 20000000", "layer 'q_proj'");
        string dir = CliRunner.TempDir();
        InputErrorAssert.Holds(CliRunner.Run("run", "--model", "lenet5", "--batch", "2147483647", "--out", Path.Combine(dir, "r")), "at batch 2147483647");
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }

    [Fact]
    public void AHugeLayerStudyIsRefusedAtOnce()
    {
        string dir = CliRunner.TempDir();
        InputErrorAssert.Holds(CliRunner.Run("compare", "--layers", "dense-vs-depthwise", "--channels", "2147483647", "--out", Path.Combine(dir, "a")),
            "--channels/--sizes", "out of range");
        // 10^8 x 10^8 maps overflow the counts (10^5 x 10^5 ones now simulate: their repeated loop bodies are skipped).
        InputErrorAssert.Holds(CliRunner.Run("compare", "--layers", "dense-vs-depthwise", "--channels", "32", "--sizes", "100000000", "--out", Path.Combine(dir, "b")),
            "--channels/--sizes", "out of range");
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
    }
}
