using AccelSim.Common;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Workloads.Yaml;

/// <summary>
/// The workload kinds that are not layers of their own: <c>flatten</c> is a free reshape (its readers read its input; an fc
/// flattens anyway), and a <c>batchnorm</c> whose input is a conv is folded into that conv, as inference does (it costs
/// nothing and is noted in the layer table). A batchnorm anywhere else stays a layer: an element-wise scale and shift.
/// Found in a first pass over the raw layers, so a file may name them in any order.
/// </summary>
internal sealed class WorkloadAliases
{
    /// <summary>A batch norm that cannot fold: one multiply and one add per element (the ONNX import prices it the same).</summary>
    public const int BatchNormOps = 2;

    private readonly Dictionary<string, string> _inputOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _kindOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _folded = new(StringComparer.Ordinal);
    private readonly string _source;

    private WorkloadAliases(YamlSequenceNode layers, string source)
    {
        _source = source;
        foreach (var node in layers.Children.OfType<YamlMappingNode>())
            if (Scalar(node, "name") is { } name && Scalar(node, "kind") is { } kind)
            {
                _kindOf.TryAdd(name, kind);
                if (Scalar(node, "input") is { } input) _inputOf.TryAdd(name, input);
            }
        foreach (var (name, kind) in _kindOf)
        {
            if (kind == "flatten") _aliases.Add(name);
            else if (kind == "batchnorm" && _inputOf.TryGetValue(name, out var input) && _kindOf.GetValueOrDefault(Resolve(input)) == "conv")
            {
                _aliases.Add(name);
                string conv = Resolve(input);
                if (!_folded.TryGetValue(conv, out var list)) _folded[conv] = list = [];
                list.Add(name);
            }
        }
    }

    /// <summary>Finds the aliases among <paramref name="layers"/>.</summary>
    public static WorkloadAliases Find(YamlSequenceNode layers, string source) => new(layers, source);

    /// <summary>The batch norms folded into each conv.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Folded => _folded.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value);

    /// <summary>True when <paramref name="name"/> is a flatten or a folded batchnorm (no layer of its own).</summary>
    public bool IsAlias(string name) => _aliases.Contains(name);

    /// <summary>The layer a name stands for: itself, or through flattens and folded batch norms the layer they read.</summary>
    public string Resolve(string name)
    {
        for (int steps = 0; IsAlias(name); steps++)
        {
            if (steps > _aliases.Count || !_inputOf.TryGetValue(name, out var input))
                throw new InputException($"{_source}: layer '{name}': the graph has a cycle or a missing input through flatten/batchnorm layers");
            name = input;
        }
        return name;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
}
