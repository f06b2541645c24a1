using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AccelSim.Workloads.Layers;

namespace AccelSim.Workloads.Yaml;

/// <summary>
/// Writes a model as a workload file: one flow mapping per layer, defaults omitted, so a file reads like the model's
/// table and diffs line by line. Deterministic: the same model always gives the same text.
/// </summary>
internal static partial class WorkloadYamlWriter
{
    public static string Write(ModelGraph model)
    {
        var text = new StringBuilder();
        text.Append("# AccelSim workload (format: docs/workload-format.md)\n");
        text.Append("model: ").Append(Scalar(model.Name)).Append('\n');
        text.Append("layers:\n");
        foreach (var layer in model.Definitions)
            text.Append("  - {").Append(string.Join(", ", Fields(layer).Select(f => $"{f.Key}: {f.Value}"))).Append("}\n");
        return text.ToString();
    }

    private static IEnumerable<KeyValuePair<string, string>> Fields(Layer layer)
    {
        yield return new("name", Scalar(layer.Name));
        yield return new("kind", LayerKinds.NameOf(layer.Kind));
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string key, string value) => fields.Add(new(key, value));
        void AddIf(bool condition, string key, string value) { if (condition) Add(key, value); }
        switch (layer)
        {
            case InputLayer l:
                Add("shape", $"[{l.Shape.Channels}, {l.Shape.Height}, {l.Shape.Width}]");
                break;
            case ConvLayer l:
                Add("input", Scalar(l.Input));
                Add("out_channels", Int(l.OutChannels));
                AddWindow(fields, l.Window, omitPadding: false);
                AddIf(l.Groups != 1, "groups", Int(l.Groups));
                AddIf(l.InChannels is not null, "in_channels", Int(l.InChannels ?? 0));
                break;
            case FullyConnectedLayer l:
                Add("input", Scalar(l.Input));
                Add("out_features", Int(l.OutFeatures));
                AddIf(l.InFeatures is not null, "in_features", Int(l.InFeatures ?? 0));
                break;
            case MatMulLayer l:
                Add("input", Scalar(l.Input));
                Add("out_features", Int(l.OutFeatures));
                AddIf(l.Groups != 1, "groups", Int(l.Groups));
                AddIf(l.RightOperand is not null, "right", Scalar(l.RightOperand ?? ""));
                break;
            case PoolLayer l:
                Add("input", Scalar(l.Input));
                AddWindow(fields, l.Window, omitPadding: false);
                AddIf(l.CeilMode, "ceil_mode", "true");
                break;
            case GlobalAvgPoolLayer l:
                Add("input", Scalar(l.Input));
                break;
            case AddLayer or ConcatLayer:
                Add("inputs", $"[{string.Join(", ", layer.Inputs.Select(Scalar))}]");
                break;
            case ChannelShuffleLayer l:
                Add("input", Scalar(l.Input));
                Add("groups", Int(l.Groups));
                break;
            case ScaleLayer l:
                Add("input", Scalar(l.Input));
                Add("scale", Scalar(l.Scale));
                break;
            case ActivationLayer l:
                Add("input", Scalar(l.Input));
                Add("function", Scalar(l.Function));
                AddIf(l.OpsPerElement != 1, "ops_per_element", Int(l.OpsPerElement));
                break;
            case SliceLayer l:
                Add("input", Scalar(l.Input));
                Add("start", Int(l.Start));
                Add("count", Int(l.Count));
                break;
            default:
                throw new WorkloadException($"layer '{layer.Name}': kind {layer.Kind} cannot be written");
        }
        foreach (var f in fields) yield return f;
    }

    private static void AddWindow(List<KeyValuePair<string, string>> fields, Window w, bool omitPadding)
    {
        fields.Add(new("kernel", Pair(w.KernelH, w.KernelW)));
        if (w.StrideH != 1 || w.StrideW != 1) fields.Add(new("stride", Pair(w.StrideH, w.StrideW)));
        // Symmetric padding keeps its short forms; anything else is written [top, bottom, left, right].
        if (!omitPadding && !w.HasSymmetricPadding)
            fields.Add(new("padding", $"[{Int(w.PadH)}, {Int(w.PadBottom)}, {Int(w.PadW)}, {Int(w.PadRight)}]"));
        else if (!omitPadding && (w.PadH != 0 || w.PadW != 0)) fields.Add(new("padding", Pair(w.PadH, w.PadW)));
        if (w.DilationH != 1 || w.DilationW != 1) fields.Add(new("dilation", Pair(w.DilationH, w.DilationW)));
    }

    private static string Pair(int h, int w) => h == w ? Int(h) : $"[{Int(h)}, {Int(w)}]";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Plain when YAML reads it back as the same string; single-quoted otherwise (numbers, booleans, flow punctuation).
    private static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !Reserved.Contains(value.ToLowerInvariant()) ? value : $"'{value.Replace("'", "''")}'";

    private static readonly HashSet<string> Reserved = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"];

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-]*$")]
    private static partial Regex PlainSafe();
}
