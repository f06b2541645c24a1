namespace AccelSim.Workloads.Onnx.Patterns;

/// <summary>
/// Replaces the elementary-op subgraphs exporters write for GELU, layer norm and swish by one fused node each, so that they
/// import as one activation layer (named after the subgraph's last node) instead of a chain of unsupported operators.
/// </summary>
internal static class OnnxPatterns
{
    private static readonly Func<OnnxNode, PatternIndex, PatternMatch?>[] Recognizers =
        [GeluPattern.Match, LayerNormPattern.Match, SwishPattern.Match];

    public static IReadOnlyList<OnnxNode> Fuse(OnnxGraph graph)
    {
        var index = new PatternIndex(graph.Nodes, graph.Initializers.Keys, graph.Outputs);
        var used = new HashSet<OnnxNode>(ReferenceEqualityComparer.Instance);
        var fused = new Dictionary<OnnxNode, OnnxNode>(ReferenceEqualityComparer.Instance);
        foreach (var node in graph.Nodes)
            foreach (var recognize in Recognizers)
                if (!used.Contains(node) && recognize(node, index) is { } match && !match.Nodes.Any(used.Contains))
                {
                    used.UnionWith(match.Nodes);
                    fused[match.Nodes[^1]] = match.Fused;
                }
        // The fused node takes the place of the pattern's last node: its input is ready by then, its readers come later.
        return graph.Nodes.Where(n => !used.Contains(n) || fused.ContainsKey(n)).Select(n => fused.GetValueOrDefault(n, n)).ToList();
    }
}
