using AccelSim.Workloads;
using AccelSim.Workloads.Onnx;
using AccelSim.Workloads.Yaml;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Workloads.Onnx;

/// <summary>Every zoo model written as ONNX and read back gives the same layers.</summary>
public class OnnxRoundTripTests
{
    public static TheoryData<string> ZooNames() => [.. ModelZoo.Names];

    [Theory]
    [MemberData(nameof(ZooNames))]
    public void ZooModelSurvivesExportAndImport(string name)
    {
        var original = ModelZoo.Get(name);
        var imported = OnnxImporter.Parse(OnnxExporter.Write(original), $"{name}.onnx").Model;

        Assert.Equal(original.Name, imported.Name);
        Assert.Equal(original.Layers.Select(Row), imported.Layers.Select(Row));
        // The workload text holds every parameter of every layer (windows, groups, operands, functions and their costs).
        Assert.Equal(WorkloadYaml.Write(original), WorkloadYaml.Write(imported));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void AttentionWithAnyHeadCountSurvives(int heads)
    {
        var b = new ModelBuilder($"attention-{heads}");
        string x = b.Input(64, 16, 1, "tokens").Last;
        string k = b.From(x).MatMul("k", 64).Last, v = b.From(x).MatMul("v", 64).Last;
        var original = b.From(x).MatMul("q", 64).MatMul("scores", heads * 16, heads, right: k).Act("softmax", "softmax", 5)
            .MatMul("context", 64, heads, right: v).Build();
        var imported = OnnxImporter.Parse(OnnxExporter.Write(original), "attention.onnx").Model;
        Assert.Equal(WorkloadYaml.Write(original), WorkloadYaml.Write(imported));
        Assert.Equal(original.Layers.Select(Row), imported.Layers.Select(Row));
    }

    private static string Row(LayerNode l) =>
        $"{l.Name} {l.Kind} {string.Join("+", l.InputShapes)}->{l.Output} {l.Problem} macs={l.Macs} weights={l.Weights} vector={l.VectorOps}";
}
