using AccelSim.Tests.Support;
using AccelSim.Workloads;
using AccelSim.Workloads.Layers;
using AccelSim.Workloads.Yaml;

namespace AccelSim.Tests.Workloads;

/// <summary>The kinds exported models contain: batchnorm (folded into a conv), linear (fc) and flatten (a free reshape).</summary>
public class WorkloadYamlExportKindsTests
{
    private const string Model = """
        model: exported
        layers:
          - {name: input, kind: input, shape: [3, 32, 32]}
          - {name: conv1, kind: conv, input: input, out_channels: 8, kernel: 3, padding: 1}
          - {name: bn1, kind: batchnorm, input: conv1}
          - {name: relu1, kind: activation, input: bn1, function: relu}
          - {name: bn2, kind: batchnorm, input: relu1}
          - {name: flat, kind: flatten, input: bn2}
          - {name: fc, kind: linear, input: flat, out_features: 10}
        """;

    [Fact]
    public void BatchNormAfterAConvFoldsLinearIsFcAndFlattenIsFree()
    {
        var model = WorkloadYaml.Parse(Model, "x.yaml");

        Assert.Equal(["input", "conv1", "relu1", "bn2", "fc"], model.Layers.Select(l => l.Name));
        Assert.Equal("conv1", model.Find("relu1")!.Layer.Inputs[0]);
        Assert.Equal(["bn1"], model.Folded["conv1"]);
        // A batch norm after a ReLU cannot fold: it is an element-wise scale and shift.
        var bn2 = Assert.IsType<ActivationLayer>(model.Find("bn2")!.Layer);
        Assert.Equal(("batchnorm", 2), (bn2.Function, bn2.OpsPerElement));
        var fc = model.Find("fc")!;
        Assert.Equal(LayerKind.FullyConnected, fc.Kind);
        Assert.Equal("bn2", fc.Layer.Inputs[0]);
        Assert.Equal(8L * 32 * 32 * 10, fc.Macs);
    }

    [Fact]
    public void LayerTableNotesTheFoldedBatchNorm()
    {
        string file = Path.Combine(CliRunner.TempDir(), "exported.yaml");
        File.WriteAllText(file, Model);
        var (exit, output, error) = CliRunner.Run("zoo", file);
        Assert.True(exit == 0, error);
        Assert.Contains("conv1 (+bn1 folded)", output);
    }

    [Fact]
    public void FlattenCycleIsOneLine()
    {
        const string text = "model: m\nlayers:\n  - {name: input, kind: input, shape: [3, 8, 8]}\n  - {name: a, kind: flatten, input: b}\n  - {name: b, kind: flatten, input: a}\n  - {name: fc, kind: fc, input: a, out_features: 2}\n";
        var e = Assert.ThrowsAny<AccelSim.Common.InputException>(() => WorkloadYaml.Parse(text, "x.yaml"));
        Assert.StartsWith("x.yaml: layer '", e.Message);
        Assert.Contains("cycle", e.Message);
    }
}
