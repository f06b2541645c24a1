using AccelSim.Common;
using AccelSim.Workloads.Onnx;
using W = AccelSim.Workloads.Onnx.OnnxGraphWriter;

namespace AccelSim.Tests.Workloads.Onnx;

/// <summary>Forms the importer cannot express are refused with one message naming the node, its operator and the problem.</summary>
public class OnnxRefusalTests
{
    [Theory]
    [InlineData("transA", "node /fc/Gemm (Gemm): transA = 1 is not supported")]
    [InlineData("flatten2", "node /Flatten (Flatten): Flatten with axis 2 merges the batch dim")]
    [InlineData("domain", "node /custom/Op (Op): operators of domain 'com.example' are not modelled")]
    [InlineData("batchReshape", "node /Reshape (Reshape): reshaping [N,8,4,4] to [8,-1] moves the batch dim")]
    [InlineData("concatAxis", "node /Concat (Concat): AccelSim concatenates feature maps along channels (axis 1) only")]
    [InlineData("broadcastAdd", "node /Add (Add): adds [N,8,4,4] and [N,8,1,1]: AccelSim adds tensors of the same shape only")]
    public void IsRefusedWithOneLine(string form, string message)
    {
        var g = new TorchStyleGraph("bad", 13);
        string x = g.Input("input", 8, 4, 4);
        switch (form)
        {
            case "transA":
                g.Writer.Node("Gemm", "/fc/Gemm", [g.Writer.Node("Flatten", "/Flatten", [x]), g.Writer.Weight("fc.weight", 128, 10)], W.IntAttr("transA", 1));
                break;
            case "flatten2":
                g.Writer.Node("Flatten", "/Flatten", [x], W.IntAttr("axis", 2));
                break;
            case "domain":
                g.Writer.Node("Op", "/custom/Op", [x]);
                g.Writer.Model.Graph.Node[^1].Domain = "com.example";
                break;
            case "batchReshape":
                g.Writer.Node("Reshape", "/Reshape", [x, g.Ints(8, -1)]);
                break;
            case "concatAxis":
                g.Writer.Node("Concat", "/Concat", [x, x], W.IntAttr("axis", 2));
                break;
            case "broadcastAdd":
                g.Writer.Node("Add", "/Add", [x, g.Op("GlobalAveragePool", "/gap", x)]);
                break;
        }
        var e = Assert.Throws<InputException>(() => g.Import());
        Assert.StartsWith($"bad.onnx: {message}", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ReshapeKeepsZeroAndInfersMinusOne()
    {
        var g = new TorchStyleGraph("reshape", 13);
        string x = g.Input("input", 8, 4, 4);
        string flat = g.Writer.Node("Reshape", "/Reshape", [x, g.Ints(0, -1)]);
        string rows = g.Writer.Node("Reshape", "/Reshape_1", [flat, g.Ints(0, 8, -1)]);
        string image = g.Writer.Node("Reshape", "/Reshape_2", [rows, g.Ints(0, 0, 4, -1)]); // 0 copies the input's dim at that place
        g.Writer.Shape(image, 8, 4, 4);
        g.Writer.Node("Gemm", "/fc/Gemm", [flat, g.Writer.Weight("fc.weight", 10, 128)], W.IntAttr("transB", 1));
        g.Conv("/conv", image, 8, 8, 1);
        var model = g.Import().Model;
        Assert.Equal(8L * 8 * 16, model.Find("/conv/Conv")!.Macs); // the view is the input's 8 x 4 x 4 map again
        Assert.Equal(128L * 10, model.Find("/fc/Gemm")!.Macs);
    }
}
