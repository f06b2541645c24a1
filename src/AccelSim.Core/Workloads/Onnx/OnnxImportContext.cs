using AccelSim.Common;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// The importer's state while it walks the nodes: what every tensor is (<see cref="OnnxValue"/>), the AccelSim layers made
/// so far with their inferred shapes, and the notes for the user (folded batch norms, operators priced as vector work).
/// Every failure is one line: <c>FILE: node NAME (OpType): what is wrong</c>.
/// </summary>
internal sealed class OnnxImportContext(OnnxGraph graph, string source, OnnxUnknownOps unknownOps)
{
    private readonly Dictionary<string, OnnxValue> _values = new(StringComparer.Ordinal);
    private readonly List<Layer> _layers = [];
    private readonly Dictionary<string, (Layer Layer, FeatureMap Map)> _made = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _folded = new(StringComparer.Ordinal);

    public OnnxGraph Graph => graph;

    public string Source => source;

    public OnnxUnknownOps UnknownOps => unknownOps;

    /// <summary>The layers made so far, in node order.</summary>
    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>What the import did that the user should know (folds, vector-priced operators).</summary>
    public IReadOnlyList<string> Notes => _notes;

    public InputException Fail(OnnxNode node, string problem) => new($"{source}: node {node.Name} ({node.OpType}): {problem}");

    public void Note(string note) => _notes.Add(note);

    /// <summary>The batch norms folded into each conv.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Folded => _folded;

    /// <summary>Records that batch norm <paramref name="batchNorm"/> folds into <paramref name="conv"/>.</summary>
    public void Fold(string batchNorm, string conv)
    {
        _folded[conv] = [.. _folded.GetValueOrDefault(conv) ?? [], batchNorm];
        Note($"batchnorm {batchNorm} folded into conv {conv}");
    }

    public OnnxValue? Value(string? tensor) => tensor is not null && _values.TryGetValue(tensor, out var v) ? v : null;

    public void Set(string tensor, OnnxValue value) => _values[tensor] = value;

    /// <summary>The AccelSim layer an activation belongs to.</summary>
    public Layer LayerOf(ActivationValue value) => _made[value.Layer].Layer;

    /// <summary>The activation at input <paramref name="index"/>, or a failure naming what it is instead.</summary>
    public ActivationValue Activation(OnnxNode node, int index) => Value(node.Input(index)) switch
    {
        ActivationValue a => a,
        CroppedValue => throw Fail(node, $"input {index} ('{node.Input(index)}') is a Slice of rows or columns, which AccelSim reads only as the crop of a Conv or pooling window"),
        null => throw Fail(node, $"input {index} ('{node.Input(index)}') is missing or has no shape"),
        _ => throw Fail(node, $"input {index} ('{node.Input(index)}') is a constant where AccelSim expects an activation"),
    };

    /// <summary>The integer values of the constant at input <paramref name="index"/> (axes, shapes, slice bounds).</summary>
    public long[] Ints(OnnxNode node, int index, string what) =>
        Value(node.Input(index)) is ConstantValue { Ints: { } ints } ? ints
            : throw Fail(node, $"{what} (input {index}, '{node.Input(index)}') must be a constant integer tensor");

    /// <summary>The dims of a weight at input <paramref name="index"/>: an initializer's, a constant's, or declared in value_info.</summary>
    public long[] WeightDims(OnnxNode node, int index)
    {
        string? name = node.Input(index);
        if (Value(name) is ConstantValue c) return c.Dims;
        if (Value(name) is ActivationValue)
            throw Fail(node, $"input {index} ('{name}') is an activation where AccelSim expects a weight");
        if (name is not null && graph.DeclaredShapes.TryGetValue(name, out var dims) && dims.All(d => d is not null))
            return dims.Select(d => d!.Value).ToArray();
        throw Fail(node, $"weight '{name}' has no shape (neither an initializer nor in value_info)");
    }

    /// <summary>Adds an AccelSim layer made from <paramref name="node"/> whose output ONNX sees as <paramref name="dims"/>.</summary>
    public ActivationValue AddLayer(OnnxNode node, Layer layer, long[] dims, string? output = null)
    {
        FeatureMap map;
        try
        {
            if (_made.ContainsKey(layer.Name)) throw new WorkloadException($"the layer name '{layer.Name}' is used twice");
            map = layer.InferOutput(layer.Inputs.Select(i => _made[i].Map).ToList());
        }
        catch (WorkloadException e) { throw Fail(node, e.Message); }
        var value = new ActivationValue(layer.Name, map, dims);
        if (value.Elements != map.Elements)
            throw Fail(node, $"its output {value.DimsText} does not hold the {map} elements of the AccelSim layer it becomes");
        _layers.Add(layer);
        _made[layer.Name] = (layer, map);
        Set(output ?? node.Outputs[0], value);
        return value;
    }

    /// <summary>Makes <paramref name="output"/> another view of <paramref name="source"/> (a free relabelling).</summary>
    public void Relabel(OnnxNode node, ActivationValue source, long[] dims, string? output = null)
    {
        var value = source with { Dims = dims };
        if (dims.Any(d => d <= 0) || value.Elements != source.Elements)
            throw Fail(node, $"cannot view {source.DimsText} as [N,{string.Join(",", dims)}]: the element counts differ");
        Set(output ?? node.Outputs[0], value);
    }
}
