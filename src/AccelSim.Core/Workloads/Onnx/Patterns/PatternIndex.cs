namespace AccelSim.Workloads.Onnx.Patterns;

/// <summary>Who produces and who reads each tensor, for the pattern recognizers to walk a graph's small subgraphs.</summary>
internal sealed class PatternIndex
{
    private readonly Dictionary<string, OnnxNode> _producer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OnnxNode>> _consumers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _constants;
    private readonly HashSet<string> _graphOutputs;

    public PatternIndex(IReadOnlyList<OnnxNode> nodes, IEnumerable<string> initializers, IEnumerable<string> graphOutputs)
    {
        _constants = initializers.ToHashSet(StringComparer.Ordinal);
        _graphOutputs = graphOutputs.ToHashSet(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var output in node.Outputs) _producer[output] = node;
            if (node.OpType == "Constant") _constants.UnionWith(node.Outputs);
            foreach (var input in node.Inputs.Distinct())
            {
                if (!_consumers.TryGetValue(input, out var list)) _consumers[input] = list = [];
                list.Add(node);
            }
        }
    }

    public OnnxNode? Producer(string? tensor, string opType) =>
        tensor is not null && _producer.TryGetValue(tensor, out var node) && node.OpType == opType ? node : null;

    public IReadOnlyList<OnnxNode> Consumers(string tensor) =>
        _consumers.TryGetValue(tensor, out var list) ? list : [];

    /// <summary>The one node reading <paramref name="tensor"/> when it has that operator and nothing else reads the tensor.</summary>
    public OnnxNode? OnlyConsumer(string tensor, string opType) =>
        !_graphOutputs.Contains(tensor) && Consumers(tensor) is [var node] && node.OpType == opType ? node : null;

    public bool IsConstant(string? tensor) => tensor is not null && _constants.Contains(tensor);

    /// <summary>The other input of a two-input node, or null when <paramref name="tensor"/> is not one of them.</summary>
    public static string? Other(OnnxNode node, string tensor) => node.Inputs.Count != 2 ? null
        : node.Inputs[0] == tensor ? node.Inputs[1] : node.Inputs[1] == tensor ? node.Inputs[0] : null;
}
