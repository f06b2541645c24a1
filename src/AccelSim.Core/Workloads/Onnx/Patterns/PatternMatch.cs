namespace AccelSim.Workloads.Onnx.Patterns;

/// <summary>Nodes that together compute one function, and the fused node that replaces them.</summary>
internal sealed record PatternMatch(IReadOnlyList<OnnxNode> Nodes, OnnxNode Fused);
