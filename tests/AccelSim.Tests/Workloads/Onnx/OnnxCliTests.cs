using AccelSim.Tests.Support;
using AccelSim.Workloads;
using AccelSim.Workloads.Layers;
using AccelSim.Workloads.Onnx;
using AccelSim.Workloads.Zoo;
using Onnx;

namespace AccelSim.Tests.Workloads.Onnx;

/// <summary>ONNX through the command line: export, --model FILE.onnx, --onnx-unknown, and the one-line errors.</summary>
public class OnnxCliTests
{
    [Fact]
    public void ExportWritesEveryZooModelAndTheFilesLoadAsTheZoo()
    {
        string dir = CliRunner.TempDir();
        var (exit, output, error) = CliRunner.Run("zoo", "export", dir, "--format", "onnx");
        Assert.True(exit == 0, error);
        Assert.Contains($"wrote {ModelZoo.Entries.Count} ONNX files", output);
        Assert.Equal(ModelZoo.Names.Select(n => n + ".onnx").Order(), Directory.GetFiles(dir).Select(Path.GetFileName).Order());

        var fromZoo = CliRunner.Run("zoo", "resnet50", "--format", "csv");
        var fromFile = CliRunner.Run("zoo", Path.Combine(dir, "resnet50.onnx"), "--format", "csv");
        Assert.Equal(0, fromFile.Exit);
        Assert.Equal(fromZoo.Out, fromFile.Out);
    }

    // The exported files carry a symbolic batch dim: --batch scales the imported model as it scales the zoo's.
    [Theory]
    [InlineData("lenet5", "1")]
    [InlineData("lenet5", "4")]
    [InlineData("squeezenet1.1", "1")]
    public void RunGivesTheSameResultsFromTheOnnxFile(string name, string batch)
    {
        string dir = CliRunner.TempDir(), file = Path.Combine(dir, name + ".onnx");
        File.WriteAllBytes(file, OnnxExporter.Write(ModelZoo.Get(name)));
        var zoo = CliRunner.Run("run", "--model", name, "--arch", "eyeriss", "--batch", batch, "--out", Path.Combine(dir, "zoo"));
        var onnx = CliRunner.Run("run", "--model", file, "--arch", "eyeriss", "--batch", batch, "--out", Path.Combine(dir, "onnx"));
        Assert.True(onnx.Exit == 0, onnx.Err);
        var written = Directory.GetFiles(Path.Combine(dir, "zoo")).Select(Path.GetFileName).ToList();
        Assert.Superset(new HashSet<string?> { "layers.csv", "summary.json", "mappings.yaml", "report.html" }, written.ToHashSet());
        foreach (var path in Directory.GetFiles(Path.Combine(dir, "zoo")))
            Assert.Equal(File.ReadAllText(path), File.ReadAllText(Path.Combine(dir, "onnx", Path.GetFileName(path))));
    }

    [Fact]
    public void UnknownOperatorIsRefusedOrPricedAsVectorWork()
    {
        var g = new TorchStyleGraph("custom", 17);
        string x = g.Input("input", 8, 16, 16);
        string y = g.Writer.Node("Erf", "/act/Erf", [g.Conv("/conv", x, 8, 8, 3)]);
        g.Writer.Shape(y, 8, 16, 16);
        g.Output(g.Relu("/relu", y), 8, 16, 16);
        string file = Write(g.Writer.ToBytes());

        var refused = CliRunner.Run("zoo", file);
        AssertOneLineError(refused, $"error: {file}: node /act/Erf (Erf): AccelSim does not model this operator; rewrite the model, or pass --onnx-unknown=vector to price it as element-wise work");

        var priced = CliRunner.Run("zoo", file, "--format", "csv", "--onnx-unknown=vector");
        Assert.True(priced.Exit == 0, priced.Err);
        Assert.Equal($"note: {file}: node /act/Erf (Erf) is priced as element-wise vector work", priced.Err.Trim());
        Assert.Contains("/act/Erf,Activation,", priced.Out);
        Assert.Equal("/act/Erf", OnnxImporter.Load(file, OnnxUnknownOps.Vector).Model.Find("/relu/Relu")!.Layer.Inputs[0]);
    }

    [Fact]
    public void TruncatedProtobufIsOneLine()
    {
        byte[] bytes = OnnxExporter.Write(ModelZoo.Get("lenet5"));
        string file = Write(bytes[..(bytes.Length / 2)]);
        AssertOneLineError(CliRunner.Run("zoo", file), $"error: {file}: not a readable ONNX model, the protobuf is truncated or corrupt");
    }

    [Fact]
    public void MissingInputShapeIsOneLine()
    {
        var g = TorchStyleModels.DepthwiseSeparable(13);
        g.Writer.Model.Graph.Input[0].Type = null;
        string file = Write(g.Writer.ToBytes());
        AssertOneLineError(CliRunner.Run("zoo", file), $"error: {file}: input input: the shape is missing");
    }

    [Fact]
    public void WeightWithoutShapeIsOneLine()
    {
        var g = new TorchStyleGraph("noweight", 13);
        string x = g.Input("input", 3, 8, 8);
        g.Output(g.Writer.Node("Conv", "/conv/Conv", [x, "conv.weight"], OnnxGraphWriter.IntsAttr("kernel_shape", 3, 3)), 4, 6, 6);
        g.Writer.Model.Graph.Input.Add(new ValueInfoProto { Name = "conv.weight" });
        string file = Write(g.Writer.ToBytes());
        AssertOneLineError(CliRunner.Run("zoo", file), $"error: {file}: input conv.weight: the shape is missing");
    }

    [Fact]
    public void CyclicGraphIsOneLine()
    {
        var g = new TorchStyleGraph("cycle", 13);
        string x = g.Input("input", 3, 8, 8);
        g.Writer.Node("Add", "/a/Add", [x, "/b/Relu_output_0"]);
        g.Writer.Node("Relu", "/b/Relu", ["/a/Add_output_0"]);
        g.Output("/b/Relu_output_0", 3, 8, 8);
        string file = Write(g.Writer.ToBytes());
        AssertOneLineError(CliRunner.Run("zoo", file), $"error: {file}: node /a/Add (Add): the graph has a cycle through this node");
    }

    [Theory]
    [InlineData("pads", "0,0,1,1")]
    [InlineData("auto_pad", "SAME_UPPER")]
    public void AsymmetricPaddingImportsPerSide(string attribute, string value)
    {
        // TensorFlow-style "same" on an even input: nothing before, one row and column after (ONNX: [top, left, bottom, right]).
        var g = new TorchStyleGraph("pads", 17);
        string x = g.Input("input", 3, 112, 112);
        var padding = attribute == "pads" ? OnnxGraphWriter.IntsAttr("pads", value.Split(',').Select(long.Parse).ToArray())
            : OnnxGraphWriter.TextAttr("auto_pad", value);
        g.Output(g.Writer.Node("Conv", "/conv/Conv", [x, g.Writer.Weight("conv.weight", 8, 3, 3, 3)], padding,
            OnnxGraphWriter.IntsAttr("kernel_shape", 3, 3), OnnxGraphWriter.IntsAttr("strides", 2, 2)), 8, 56, 56);
        var conv = (ConvLayer)ModelLibrary.Load(Write(g.Writer.ToBytes())).Find("/conv/Conv")!.Layer;
        Assert.Equal(Window.Padded(3, 3, 2, 2, 0, 1, 0, 1), conv.Window);
    }

    [Fact]
    public void ASliceOfRowsAndColumnsIsTheCropOfTheWindowThatReadsIt()
    {
        // NASNet's shifted path: drop the first row and column, pad one after, 1x1 stride 2.
        var g = new TorchStyleGraph("crop", 17);
        string x = g.Input("input", 3, 56, 56);
        string cropped = g.Writer.Node("Slice", "/path/Slice", [x, g.Writer.Ints("/path/starts", 1, 1), g.Writer.Ints("/path/ends", 56, 56),
            g.Writer.Ints("/path/axes", 2, 3)]);
        g.Output(g.Writer.Node("AveragePool", "/path/AveragePool", [cropped], OnnxGraphWriter.IntsAttr("kernel_shape", 1, 1),
            OnnxGraphWriter.IntsAttr("strides", 2, 2), OnnxGraphWriter.IntsAttr("pads", 0, 0, 1, 1)), 3, 28, 28);
        var model = ModelLibrary.Load(Write(g.Writer.ToBytes()));
        var pool = (PoolLayer)model.Find("/path/AveragePool")!.Layer;
        Assert.Equal(Window.Padded(1, 1, 2, 2, -1, 1, -1, 1), pool.Window);
        Assert.Equal(new FeatureMap(3, 28, 28), model.Find("/path/AveragePool")!.Output);

        // Anything else reading a crop has no AccelSim form: one line naming the node.
        var h = new TorchStyleGraph("crop-relu", 17);
        string y = h.Input("input", 3, 8, 8);
        string c = h.Writer.Node("Slice", "/s/Slice", [y, h.Writer.Ints("/s/starts", 1), h.Writer.Ints("/s/ends", 8), h.Writer.Ints("/s/axes", 2)]);
        h.Output(h.Relu("/r", c), 3, 7, 8);
        string file = Write(h.Writer.ToBytes());
        var (exit, _, error) = CliRunner.Run("zoo", file);
        Assert.Equal(2, exit);
        Assert.Contains("is a Slice of rows or columns, which AccelSim reads only as the crop of a Conv or pooling window", error);
    }

    [Fact]
    public void DeclaredShapeThatDisagreesIsOneLine()
    {
        var g = new TorchStyleGraph("declared", 13);
        string conv = g.Conv("/conv", g.Input("input", 3, 8, 8), 3, 4, 3);
        g.Writer.Shape(conv, 4, 6, 6);
        g.Output(g.Relu("/relu", conv), 4, 8, 8);
        string file = Write(g.Writer.ToBytes());
        AssertOneLineError(CliRunner.Run("zoo", file), $"error: {file}: node /conv/Conv (Conv): output '/conv/Conv_output_0' is declared [N,4,6,6] but is [N,4,8,8]");
    }

    [Fact]
    public void FixedBatchAboveOneIsRefused()
    {
        var g = TorchStyleModels.DepthwiseSeparable(17);
        g.Writer.Model.Graph.Input[0].Type.TensorType.Shape.Dim[0] = new TensorShapeProto.Types.Dimension { DimValue = 8 };
        string file = Write(g.Writer.ToBytes());
        AssertOneLineError(CliRunner.Run("zoo", file), $"error: {file}: input input: the batch dim is fixed at 8");
    }

    private static string Write(byte[] bytes)
    {
        string file = Path.Combine(CliRunner.TempDir(), "model.onnx");
        File.WriteAllBytes(file, bytes);
        return file;
    }

    private static void AssertOneLineError((int Exit, string Out, string Err) result, string start)
    {
        Assert.Equal(2, result.Exit);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith(start, lines[0]);
        Assert.DoesNotContain("Exception", result.Err);
    }
}
