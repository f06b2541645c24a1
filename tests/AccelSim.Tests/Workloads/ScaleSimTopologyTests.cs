using AccelSim.Common;
using AccelSim.Tests.Support;
using AccelSim.Tests.Validation;
using AccelSim.Workloads;
using AccelSim.Workloads.Layers;
using AccelSim.Workloads.ScaleSim;

namespace AccelSim.Tests.Workloads;

/// <summary>SCALE-Sim topology CSVs read as models (--model FILE.csv): shapes as SCALE-Sim computes them, and one-line errors.</summary>
public class ScaleSimTopologyTests
{
    private const string Header = "Layer name, IFMAP Height, IFMAP Width, Filter Height, Filter Width, Channels, Num Filter, Strides,\n";

    [Fact]
    public void ConvRowsGetScaleSimsCeilOutputSizeThroughBottomRightPadding()
    {
        var model = ScaleSimTopology.Load(ScaleSimReference.Topology("alexnet"));
        Assert.Equal(["Conv1", "Conv2", "Conv3", "Conv4", "Conv5"], model.MacLayers.Select(l => l.Name));
        var conv1 = model.MacLayers.First();
        // ceil((224 - 11 + 4) / 4) = 55, where floor((224 - 11) / 4) + 1 = 54: 3 rows and columns padded below and right.
        Assert.Equal(new ProblemShape(1, 1, 96, 3, 55, 55, 11, 11, 4, 4), conv1.Problem);
        var window = ((ConvLayer)conv1.Layer).Window;
        Assert.Equal((0, 3, 0, 3), (window.PadH, window.PadBottom, window.PadW, window.PadRight));
        Assert.Equal(105_415_200, conv1.Macs);
        // The padding is 0 to stride - 1 rows and gives SCALE-Sim's size (Resnet18 Conv3_1a: ceil((56 - 3 + 2) / 2) = 28, one row padded).
        foreach (var (input, filter, stride) in new[] { (224, 11, 4), (56, 3, 2), (56, 1, 2), (13, 3, 1), (7, 3, 2) })
        {
            int pad = ScaleSimTopology.CeilPadding(input, filter, stride);
            Assert.InRange(pad, 0, stride - 1);
            Assert.Equal((input - filter + stride + stride - 1) / stride, Window.OutputExtent(input, filter, stride, 0, pad, 1));
        }
    }

    [Fact]
    public void DpRowsAreDepthwiseAndGemmRowsAreMatmuls()
    {
        var dp = ScaleSimTopology.Parse(Header + "DP1, 14, 14, 3, 3, 32, 2, 1,\n", "t.csv");
        var depthwise = Assert.IsType<ConvLayer>(dp[1]);
        Assert.Equal((32, 64), (depthwise.Groups, depthwise.OutChannels)); // SCALE-Sim: 32 one-channel layers of 2 filters each
        var gemm = ModelGraph.Build("g", ScaleSimTopology.Parse("Layer, M, N, K,\nQKT, 1024, 64, 256,\r\n", "g.csv"));
        // SCALE-Sim's M x K times K x N: M tokens of K features, N outputs each (topology_utils.py load_arrays_gemm).
        Assert.Equal(new ProblemShape(1024, 1, 64, 256, 1, 1, 1, 1), gemm.MacLayers.Single().Problem);
        // Rows with or without SCALE-Sim's closing comma, and two strides (its write_topo_file form), read alike.
        var two = ScaleSimTopology.Parse(Header.Replace("Strides", "Stride height, Stride width") + "c, 9, 9, 3, 3, 4, 8, 2, 2\n", "t.csv");
        Assert.Equal(4, ((ConvLayer)two[1]).Window.StrideH * ((ConvLayer)two[1]).Window.StrideW);
    }

    [Theory]
    [InlineData("c, 9, 9, 3, 3, 4, x8, 1,", "row 2: Num Filter: 'x8' is not an integer")]
    [InlineData("c, 9, 9, 3, 3, 4, 0, 1,", "row 2: Num Filter: must be a positive 32-bit integer, got 0")]
    [InlineData("c, 9, 9, 3, 3, 4, 8,", "row 2: (row): 7 cells")]
    [InlineData("c, 2, 9, 3, 3, 4, 8, 1,", "row 2: Filter Height: 3 is larger than the IFMAP height 2")]
    [InlineData("c, 9, 9, 3, 3, 4, 8, 1,\nc, 9, 9, 3, 3, 4, 8, 1,", "row 3: Layer name: 'c' is used by an earlier row")]
    [InlineData(", 9, 9, 3, 3, 4, 8, 1,", "row 2: Layer name: missing")]
    [InlineData("c, 9, 9, 3, 3, 4, 99999999999, 1,", "row 2: Num Filter: must be a positive 32-bit integer")]
    public void MalformedRowsAreOneLineNamingRowAndField(string row, string message)
    {
        string path = Path.Combine(CliRunner.TempDir(), "bad.csv");
        File.WriteAllText(path, Header + row + "\n");
        var result = CliRunner.Run("zoo", path);
        InputErrorAssert.Holds(result, $"{path}: {message}");
        Assert.Equal(2, result.Exit);
    }

    [Fact]
    public void HeaderAndEmptyFilesAreRefused()
    {
        Assert.Contains("t.csv: row 1: header: 5 columns", Assert.ThrowsAny<InputException>(() => ScaleSimTopology.Parse("a, b, c, d, e,\n", "t.csv")).Message);
        Assert.Contains("t.csv: (file): no layer rows", Assert.ThrowsAny<InputException>(() => ScaleSimTopology.Parse(Header, "t.csv")).Message);
        Assert.Contains("t.csv: (file): empty", Assert.ThrowsAny<InputException>(() => ScaleSimTopology.Parse("\n \n", "t.csv")).Message);
    }

    [Fact]
    public void TheRobustnessCorpusTopologyIsValid()
    {
        // The corpus' bad topologies are edits of this one: were it invalid, they would fail for the wrong reason.
        var layers = ScaleSimTopology.Parse(AccelSim.Tests.Robustness.BadInputCorpus.Topology, "t.csv");
        Assert.Equal(["conv1", "conv2"], layers.OfType<ConvLayer>().Select(l => l.Name));
    }

    [Fact]
    public void ASizeBeyondAccelSimsCountsNamesItsRow()
    {
        var e = Assert.ThrowsAny<InputException>(() => ScaleSimTopology.Parse(Header + "a, 9, 9, 3, 3, 4, 8, 1,\nb, 2147483647, 2147483647, 3, 3, 4, 8, 1,\n", "t.csv"));
        Assert.StartsWith("t.csv: row 3: (shape): ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void TheCliRunsAShippedTopologyWithScaleSimsMapping()
    {
        // `map --scalesim ws` evaluates SCALE-Sim's fixed mapping instead of searching: Resnet18's FC (512 x 1000, 1x1) on
        // 32x32: the window C = 512 down the rows (16 folds), 1000 filters across the columns (32 folds, the last of 8).
        var result = CliRunner.Run("map", "--model", ScaleSimReference.Topology("Resnet18"), "--layer", "FC", "--arch", "systolic-32x32", "--scalesim", "ws");
        Assert.True(result.Exit == 0, result.Err);
        Assert.Contains("FC", result.Out);
        InputErrorAssert.Holds(CliRunner.Run("map", "--model", ScaleSimReference.Topology("Resnet18"), "--layer", "FC", "--arch", "systolic-32x32", "--scalesim", "rs"),
            "--scalesim: 'rs' is not one of SCALE-Sim's dataflows (os, ws, is)");
        InputErrorAssert.Holds(CliRunner.Run("map", "--model", ScaleSimReference.Topology("Resnet18"), "--layer", "FC", "--arch", "simba", "--scalesim", "ws"),
            "--scalesim: 'simba' is not a SCALE-Sim-shaped array");
    }

    [Fact]
    public void RunReplaysScaleSimsMappingOnEveryLayer()
    {
        // systolic-32x32 with a buffer that holds a fold's operands and links fast enough not to stall the array.
        string dir = CliRunner.TempDir();
        string arch = Path.Combine(dir, "big.yaml"), topology = Path.Combine(dir, "pw.csv");
        File.WriteAllText(arch, File.ReadAllText(ShippedFiles.ResolveArch("systolic-32x32"))
            .Replace("name: systolic-32x32", "name: big").Replace("partitions: {weights: 64KB, inputs: 64KB, outputs: 64KB}", "capacity: 64MB")
            .Replace("bandwidth: 16", "bandwidth: 1000000").Replace("bandwidth: 64", "bandwidth: 1000000").Replace("bandwidth: 32", "bandwidth: 1000000"));
        File.WriteAllText(topology, Header + "Conv9,  28,  28,    1, 1,     128,    256,     1,\n");
        var result = CliRunner.Run("run", "--model", topology, "--arch", arch, "--scalesim", "ws", "--out", Path.Combine(dir, "out"), "--quiet");
        Assert.True(result.Exit == 0, result.Err);
        var csv = File.ReadAllLines(Path.Combine(dir, "out", "layers.csv"));
        var columns = csv[0].Split(',');
        var row = csv[1].Split(',');
        long cycles = long.Parse(row[Array.IndexOf(columns, "cycles")]), stalls = long.Parse(row[Array.IndexOf(columns, "stall_cycles")]);
        // mobilenet Conv9 on 32x32 WS: SCALE-Sim's 28,095 + 1, plus the first fill and last drain through the finite links.
        Assert.Equal(28_095 + 1, cycles - stalls);
        Assert.Contains("\"dataflow\": \"scalesim-ws\"", File.ReadAllText(Path.Combine(dir, "out", "summary.json")));
        InputErrorAssert.Holds(CliRunner.Run("run", "--model", topology, "--arch", arch, "--scalesim", "ws", "--mappings", arch, "--out", Path.Combine(dir, "o2")),
            "--scalesim: cannot be combined with --mappings");
    }
}
