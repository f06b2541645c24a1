using AccelSim.Workloads;
using AccelSim.Workloads.Onnx;
using W = AccelSim.Workloads.Onnx.OnnxGraphWriter;

namespace AccelSim.Tests.Workloads.Onnx;

/// <summary>
/// Builds ONNX graphs in code the way torch.onnx.export writes them: module-path node names ("/layer1/layer1.0/conv1/Conv"),
/// weights as initializers, "onnx::" constants, Unsqueeze axes as an input (opset 13+), views through the
/// Shape → Gather → Unsqueeze → Concat → Reshape subgraph, GELU written out, and LayerNorm written out below opset 17.
/// </summary>
internal sealed class TorchStyleGraph(string name, long opset)
{
    private int _constants;

    public W Writer { get; } = new(name, opset);

    public long Opset => opset;

    public string Input(string tensor, params long[] dims) => Writer.Input(tensor, dims);

    public void Output(string tensor, params long[] dims) => Writer.Output(tensor, dims);

    public OnnxImport Import(OnnxUnknownOps unknown = OnnxUnknownOps.Refuse) => OnnxImporter.Parse(Writer.ToBytes(), $"{name}.onnx", unknown);

    public ModelGraph Model => Import().Model;

    public string Ints(params long[] values) => Writer.Ints($"onnx::Const_{_constants++}", values);

    public string Scalar(float value) => Writer.Scalar($"onnx::Const_{_constants++}", value);

    public string Op(string op, string path, params string[] inputs) => Writer.Node(op, $"{path}/{op}", inputs);

    public string Conv(string path, string x, long inC, long outC, long k, long s = 1, long p = -1, long groups = 1, long dilation = 1, bool bias = false)
    {
        long pad = p < 0 ? (k - 1) / 2 * dilation : p;
        string weight = Writer.Weight($"{Dotted(path)}.weight", outC, inC / groups, k, k);
        string[] inputs = bias ? [x, weight, Writer.Weight($"{Dotted(path)}.bias", outC)] : [x, weight];
        return Writer.Node("Conv", $"{path}/Conv", inputs, W.IntsAttr("dilations", dilation, dilation), W.IntAttr("group", groups),
            W.IntsAttr("kernel_shape", k, k), W.IntsAttr("pads", pad, pad, pad, pad), W.IntsAttr("strides", s, s));
    }

    public string BatchNorm(string path, string x, long channels) => Writer.Node("BatchNormalization", $"{path}/BatchNormalization",
        [x, .. new[] { "weight", "bias", "running_mean", "running_var" }.Select(p => Writer.Weight($"{Dotted(path)}.{p}", channels))],
        W.FloatAttr("epsilon", 1e-5f), W.FloatAttr("momentum", 0.9f));

    public string Relu(string path, string x) => Op("Relu", path, x);

    public string Pool(string op, string path, string x, long k, long s, long p, bool ceil = false) => Writer.Node(op, $"{path}/{op}", [x],
        [W.IntAttr("ceil_mode", ceil ? 1 : 0), W.IntsAttr("kernel_shape", k, k), W.IntsAttr("pads", p, p, p, p), W.IntsAttr("strides", s, s)]);

    /// <summary>nn.Linear on a flattened input: Gemm with the weight [out, in], transB = 1, and a bias.</summary>
    public string Gemm(string path, string x, long inF, long outF) => Writer.Node("Gemm", $"{path}/Gemm",
        [x, Writer.Weight($"{Dotted(path)}.weight", outF, inF), Writer.Weight($"{Dotted(path)}.bias", outF)],
        W.FloatAttr("alpha", 1), W.FloatAttr("beta", 1), W.IntAttr("transB", 1));

    /// <summary>nn.Linear on a token sequence: MatMul by the transposed weight [in, out], then Add of the bias.</summary>
    public string Linear(string path, string x, long inF, long outF) =>
        Writer.Node("Add", $"{path}/Add", [Writer.Weight($"{Dotted(path)}.bias", outF), Op("MatMul", path, x, Writer.Weight($"onnx::MatMul_{_constants++}", inF, outF))]);

    /// <summary>x.view(source.size(0), dims…): the batch read through Shape → Gather → Unsqueeze → Concat; <paramref name="n"/> numbers
    /// the nodes as the exporter does ("Reshape", "Reshape_1", …).</summary>
    public string View(string path, string x, string source, int n, params long[] dims)
    {
        string s = n == 0 ? "" : $"_{n}";
        string shape = Writer.Node("Shape", $"{path}/Shape{s}", [source]);
        string batch = Writer.Node("Gather", $"{path}/Gather{s}", [shape, Writer.Ints($"onnx::Gather_{_constants++}", 0)], W.IntAttr("axis", 0));
        string[] parts = [Writer.Node("Unsqueeze", $"{path}/Unsqueeze{s}", [batch, Ints(0)]), .. dims.Select(d => Ints(d))];
        return Writer.Node("Reshape", $"{path}/Reshape{s}", [x, Writer.Node("Concat", $"{path}/Concat{s}", parts, W.IntAttr("axis", 0))]);
    }

    public string Transpose(string path, int n, string x, params long[] perm) =>
        Writer.Node("Transpose", $"{path}/Transpose{(n == 0 ? "" : $"_{n}")}", [x], W.IntsAttr("perm", perm));

    /// <summary>nn.GELU() as opset 13–17 exports it: x · (1 + erf(x / √2)) · 0.5.</summary>
    public string Gelu(string path, string x)
    {
        string div = Writer.Node("Div", $"{path}/Div", [x, Scalar(1.4142135f)]);
        string erf = Writer.Node("Erf", $"{path}/Erf", [div]);
        string add = Writer.Node("Add", $"{path}/Add", [erf, Scalar(1)]);
        string mul = Writer.Node("Mul", $"{path}/Mul", [x, add]);
        return Writer.Node("Mul", $"{path}/Mul_1", [mul, Scalar(0.5f)]);
    }

    /// <summary>nn.LayerNorm: one LayerNormalization node from opset 17, written out in elementary ops below (the square as
    /// Pow(d, 2), or as Mul(d, d) as some exporters write it when <paramref name="squareByMul"/>).</summary>
    public string LayerNorm(string path, string x, long features, bool squareByMul = false)
    {
        string gamma = Writer.Weight($"{Dotted(path)}.weight", features), beta = Writer.Weight($"{Dotted(path)}.bias", features);
        if (opset >= 17)
            return Writer.Node("LayerNormalization", $"{path}/LayerNormalization", [x, gamma, beta], W.IntAttr("axis", -1), W.FloatAttr("epsilon", 1e-12f));
        string mean = Writer.Node("ReduceMean", $"{path}/ReduceMean", [x], W.IntsAttr("axes", -1));
        string d = Writer.Node("Sub", $"{path}/Sub", [x, mean]);
        string square = squareByMul ? Writer.Node("Mul", $"{path}/Mul_square", [d, d]) : Writer.Node("Pow", $"{path}/Pow", [d, Scalar(2)]);
        string variance = Writer.Node("ReduceMean", $"{path}/ReduceMean_1", [square], W.IntsAttr("axes", -1));
        string root = Writer.Node("Sqrt", $"{path}/Sqrt", [Writer.Node("Add", $"{path}/Add", [variance, Scalar(1e-12f)])]);
        string normal = Writer.Node("Div", $"{path}/Div", [d, root]);
        return Writer.Node("Add", $"{path}/Add_1", [Writer.Node("Mul", $"{path}/Mul", [normal, gamma]), beta]);
    }

    // Unique per module: "/layer1/layer1.0/conv1" → "layer1.layer1.0.conv1".
    private static string Dotted(string path) => path.Trim('/').Replace('/', '.');
}
