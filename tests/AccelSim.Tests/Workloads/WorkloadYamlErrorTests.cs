using AccelSim.Common;
using AccelSim.Workloads.Yaml;

namespace AccelSim.Tests.Workloads;

/// <summary>Every failure class of a workload file gives one line naming the file, the layer and the problem.</summary>
public class WorkloadYamlErrorTests
{
    private const string Head = "model: bad\nlayers:\n  - {name: input, kind: input, shape: [3, 32, 32]}\n";

    public static TheoryData<string, string> BadFiles => new()
    {
        { Head + "  - {name: conv3, kind: conv, input: input, out_channels: 8, kernal: 3}\n", "layer 'conv3': unknown key 'kernal'" },
        { Head + "  - {name: c, kind: convolution, input: input}\n", "layer 'c': unknown kind 'convolution'" },
        { Head + "  - {name: c, kind: conv, input: input, kernel: 3}\n", "layer 'c': missing required key 'out_channels'" },
        { Head + "  - {kind: conv, input: input, kernel: 3}\n", "layer #2: missing required key 'name'" },
        { Head + "  - {name: c, kind: conv, input: input, out_channels: eight, kernel: 3}\n", "layer 'c': 'out_channels' must be an integer, got 'eight'" },
        { Head + "  - {name: c, kind: conv, input: input, out_channels: 8, kernel: 3, stride: [1, 2, 3]}\n", "layer 'c': 'stride' must be a list of 2 integers" },
        { Head + "  - {name: c, kind: conv, input: input, out_channels: 8, kernel: 3, padding: [0, 1, 0]}\n",
            "layer 'c': 'padding' must be an integer, [height, width] or [top, bottom, left, right]" },
        { Head + "  - {name: c, kind: conv, input: input, out_channels: 8, kernel: 3, padding: -1}\n", "layer 'c': 'padding' must be non-negative, got -1" },
        { Head + "  - {name: p, kind: avgpool, input: input, kernel: 1, padding: [-32, 0, 0, 0]}\n", "layer 'p': window 1x1/p-32,0,0,0 does not fit" },
        { Head + "  - {name: a, kind: add, inputs: input}\n", "layer 'a': 'inputs' must be a list of layer names" },
        { Head + "  - {name: p, kind: maxpool, input: input, kernel: 2, ceil_mode: maybe}\n", "layer 'p': 'ceil_mode' must be true or false" },
        { Head + "  - {name: c, kind: conv, input: input, out_channels: 0, kernel: 3}\n", "layer 'c': 'out_channels' must be positive, got 0" },
        { Head + "  - {name: c, kind: conv, input: input, out_channels: 8, kernel: -3}\n", "layer 'c': 'kernel' must be positive, got -3" },
        { "model: bad\nlayers:\n  - {name: input, kind: input, shape: [3, 0, 32]}\n", "layer 'input': 'shape' values must be positive" },
        { Head + "  - {name: c, kind: conv, input: input, out_channels: 8, kernel: [3, 3\n", "malformed YAML" },
        { Head + "  - {name: a, kind: add, inputs: [input, b]}\n  - {name: b, kind: add, inputs: [a, input]}\n", "the graph has a cycle" },
        { Head + "  - {name: c, kind: conv, input: input, out_channels: 8, kernel: 5}\n  - {name: a, kind: add, inputs: [input, c]}\n",
            "layer 'a': input 'c' has shape 8x28x28 but 'input' has 3x32x32" },
        { Head + "  - {name: c, kind: conv, input: nothing, out_channels: 8, kernel: 3}\n", "layer 'c': input 'nothing' is not a layer of the model" },
        { Head + "  - {name: c, kind: conv, input: input, out_channels: 8, kernel: 33}\n", "layer 'c': window 33x33 does not fit" },
        { Head + "  - {name: c, kind: conv, input: input, out_channels: 8, kernel: 3, groups: 2}\n", "layer 'c': input channels 3 are not divisible by groups 2" },
        { Head + "  - {name: input, kind: activation, input: input, function: relu}\n", "layer 'input': the name is used twice" },
        { "model: bad\nlayerz: []\n", "unknown key 'layerz'" },
        { "layers: []\n", "missing or empty key 'model'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFileGivesOneLineNamingFileLayerAndProblem(string text, string expected)
    {
        var e = Assert.ThrowsAny<InputException>(() => WorkloadYaml.Parse(text, "workloads/x.yaml"));
        Assert.StartsWith("workloads/x.yaml: ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void CliReportsABadFileOnOneStderrLineWithExitCode2()
    {
        string path = Path.Combine(Path.GetTempPath(), $"accelsim-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Head + "  - {name: conv3, kind: conv, input: input, out_channels: 8, kernal: 3}\n");
        try
        {
            var (code, _, error) = Support.CliRunner.Run("zoo", path);
            Assert.Equal(2, code);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.Contains($"{path}: layer 'conv3': unknown key 'kernal'", lines[0]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void CliReportsAnUnknownModelWithExitCode2()
    {
        var (code, _, error) = Support.CliRunner.Run("zoo", "resnet51");
        Assert.Equal(2, code);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("unknown model 'resnet51'", error);
    }
}
