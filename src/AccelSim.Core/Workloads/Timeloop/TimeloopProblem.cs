using System.Globalization;
using AccelSim.Common;
using AccelSim.Workloads.Layers;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Workloads.Timeloop;

/// <summary>
/// Reads Timeloop conv2D problems as timeloop-model and timeloop-mapper consume them: a file with a top-level
/// <c>problem:</c> holding <c>instance:</c> (v0.4, as the exercises' layer_shapes/CONV files and parsed-processed-input.yaml)
/// or the instance dims directly (v0.3), and an optional <c>shape:</c> that must be conv2D (CNN_Layer / CNN-Layer).
/// A folder of problem files is a model whose layers are the files in name order (layer_shapes/CONV/AlexNet runs as
/// AlexNet's five conv layers). Each layer becomes an AccelSim convolution over exactly the input its sliding window
/// covers (Timeloop problems have no padding), with the dims translated as <see cref="TimeloopDims"/> states.
/// Templated v0.4 front-end sources (jinja2, <c>!Component</c> tags, <c>&lt;&lt;&lt;</c> merges) and sparse
/// problems (densities) are refused by name.
/// </summary>
public static class TimeloopProblem
{
    private static readonly string[] InstanceKeys = ["C", "M", "R", "S", "N", "P", "Q", "Wstride", "Hstride", "Wdilation", "Hdilation"];

    // Written by the exercises' problem files for other tools; Timeloop's conv2D projection does not use them (its input is
    // what the window covers), so they are read and ignored.
    private static readonly string[] IgnoredKeys = ["H", "W", "Hpad", "Wpad"];

    /// <summary>True when <paramref name="path"/> is a folder of Timeloop problems or a YAML file whose top level is <c>problem:</c>.</summary>
    public static bool Recognizes(string path)
    {
        if (Directory.Exists(path)) return Directory.EnumerateFiles(path, "*.yaml").Any(IsProblemFile);
        return File.Exists(path) && IsProblemFile(path);
    }

    // Any top-level key may come first: parsed-processed-input.yaml starts with dumped_by_timeloop_front_end.
    private static bool IsProblemFile(string path) => Architecture.Timeloop.TimeloopYaml.HasTopLevelKey(path, "problem:");

    /// <summary>Loads a problem file (a one-layer model) or a folder of them (one layer per file).</summary>
    public static ModelGraph Load(string path)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*.yaml").Order(NaturalOrder.Instance).ToList();
            if (files.Count == 0) throw new InputException($"{path}: no Timeloop problem files (*.yaml) in the folder");
            var layers = new List<Layer>();
            foreach (var file in files) layers.AddRange(Layers(file, Path.GetFileNameWithoutExtension(file)));
            return ModelGraph.Build(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), layers);
        }
        if (!File.Exists(path)) throw new InputException($"{path}: no such file or folder");
        string name = Path.GetFileNameWithoutExtension(path);
        return ModelGraph.Build(name, Layers(path, name));
    }

    // The input and the convolution of one problem file.
    private static Layer[] Layers(string file, string layer)
    {
        var instance = ReadInstance(file);
        long Dim(string key, long fallback) => instance.TryGetValue(key, out var v) ? v : fallback;
        foreach (var key in new[] { "C", "M", "R", "S", "P", "Q" })
            if (!instance.ContainsKey(key)) throw new InputException($"{file}: problem.instance.{key}: missing (a conv2D problem needs C, M, R, S, P, Q)");
        if (Dim("N", 1) != 1)
            throw new InputException($"{file}: problem.instance.N: {Dim("N", 1)}: AccelSim models one inference per layer; give N: 1 and pass --batch {Dim("N", 1)}");
        // Timeloop P, R run along the width, Q, S along the height (TimeloopDims).
        int outH = Checked(file, "Q", Dim("Q", 0)), outW = Checked(file, "P", Dim("P", 0));
        int kernelH = Checked(file, "S", Dim("S", 0)), kernelW = Checked(file, "R", Dim("R", 0));
        int strideH = Checked(file, "Hstride", Dim("Hstride", 1)), strideW = Checked(file, "Wstride", Dim("Wstride", 1));
        int dilationH = Checked(file, "Hdilation", Dim("Hdilation", 1)), dilationW = Checked(file, "Wdilation", Dim("Wdilation", 1));
        int channels = Checked(file, "C", Dim("C", 0)), filters = Checked(file, "M", Dim("M", 0));
        int inH = InputExtent(file, "Q", outH, kernelH, strideH, dilationH), inW = InputExtent(file, "P", outW, kernelW, strideW, dilationW);
        var window = new Window(kernelH, kernelW, strideH, strideW, 0, 0, dilationH, dilationW);
        return [new InputLayer($"{layer}_input", new FeatureMap(channels, inH, inW)), new ConvLayer(layer, $"{layer}_input", filters, window)];
    }

    private static int Checked(string file, string key, long value) =>
        value is >= 1 and <= int.MaxValue ? (int)value : throw new InputException($"{file}: problem.instance.{key}: must be a positive 32-bit integer, got {value}");

    // The input rows (or columns) a sliding window of out outputs covers: (out − 1)·stride + (kernel − 1)·dilation + 1.
    private static int InputExtent(string file, string outKey, int output, int kernel, int stride, int dilation)
    {
        long extent = (output - 1L) * stride + (kernel - 1L) * dilation + 1;
        return extent <= int.MaxValue ? (int)extent
            : throw new InputException($"{file}: problem.instance.{outKey}: the input it needs ({extent} rows) exceeds 2^31 - 1");
    }

    private static Dictionary<string, long> ReadInstance(string file)
    {
        string text = YamlFrontEnd.ReadFile(file);
        if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("<<<:", StringComparison.Ordinal) || text.Contains("!Component", StringComparison.Ordinal))
            throw new InputException($"{file}: a templated Timeloop v0.4 front-end source (jinja2 / !Component / <<<); give the flattened problem instead " +
                "(timeloop-mapper's parsed-processed-input.yaml, or a layer_shapes file with problem.instance)");
        // The shared front end: size, depth, one document, no duplicate keys or aliases, one line per parser failure.
        if (YamlFrontEnd.Parse(text, file) is not YamlMappingNode root)
            throw new InputException($"{file}: expected one YAML document with a top-level 'problem:'");
        if (Child(root, "problem") is not YamlMappingNode problem) throw new InputException($"{file}: problem: missing or not a mapping");
        CheckShape(file, problem);
        var instanceNode = Child(problem, "instance") as YamlMappingNode ?? problem; // v0.3 writes the dims under problem:
        string where = ReferenceEquals(instanceNode, problem) ? "problem" : "problem.instance";
        var instance = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in instanceNode.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value ?? "";
            if (ReferenceEquals(instanceNode, problem) && key is "shape" or "version") continue;
            if (key == "densities" && valueNode is YamlMappingNode { Children.Count: 0 }) continue; // dense: no densities given
            if (IgnoredKeys.Contains(key)) continue;
            if (key == "densities") throw new InputException($"{file}: {where}.densities: sparse problems (Sparseloop) are not supported");
            if (!InstanceKeys.Contains(key))
                throw new InputException($"{file}: {where}.{key}: unknown conv2D dim or coefficient (expected {string.Join(", ", InstanceKeys)})");
            if (valueNode is not YamlScalarNode { Value: { } v } || !long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n))
                throw new InputException($"{file}: {where}.{key}: expected an integer");
            if (!instance.TryAdd(key, n)) throw new InputException($"{file}: {where}.{key}: given twice");
        }
        return instance;
    }

    // Only conv2D problems: a shape, when given, must be CNN_Layer with Timeloop's seven conv dims.
    private static void CheckShape(string file, YamlMappingNode problem)
    {
        if (Child(problem, "shape") is not YamlMappingNode shape) return;
        string name = (Child(shape, "name") as YamlScalarNode)?.Value ?? "";
        if (name.ToLowerInvariant() is not ("cnn_layer" or "cnn-layer" or "conv2d"))
            throw new InputException($"{file}: problem.shape.name: '{name}' is not Timeloop's conv2D (CNN_Layer); other problem shapes are not supported");
        if (Child(shape, "dimensions") is YamlSequenceNode dims)
        {
            var names = dims.Children.OfType<YamlScalarNode>().Select(d => d.Value ?? "").ToHashSet();
            if (!names.SetEquals(TimeloopDims.Names))
                throw new InputException($"{file}: problem.shape.dimensions: [{string.Join(", ", names)}] are not conv2D's {string.Join(", ", TimeloopDims.Names)}");
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;


    // layer2 after layer1 and before layer10.
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? a, string? b)
        {
            if (a is null || b is null) return string.CompareOrdinal(a, b);
            int i = 0, j = 0;
            while (i < a.Length && j < b.Length)
            {
                if (char.IsDigit(a[i]) && char.IsDigit(b[j]))
                {
                    int si = i, sj = j;
                    while (i < a.Length && char.IsDigit(a[i])) i++;
                    while (j < b.Length && char.IsDigit(b[j])) j++;
                    // Numbers compare by value: without leading zeros, the longer is larger, then digit by digit.
                    string x = a[si..i].TrimStart('0'), y = b[sj..j].TrimStart('0');
                    int c = x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
                    if (c != 0) return c;
                }
                else
                {
                    if (a[i] != b[j]) return a[i].CompareTo(b[j]);
                    i++; j++;
                }
            }
            return (a.Length - i).CompareTo(b.Length - j);
        }
    }
}
