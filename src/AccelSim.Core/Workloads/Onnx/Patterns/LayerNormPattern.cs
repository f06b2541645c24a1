namespace AccelSim.Workloads.Onnx.Patterns;

/// <summary>
/// Layer normalization written out (exporters below opset 17): ReduceMean → Sub → Pow (or Mul by itself) → ReduceMean → Add ε →
/// Sqrt → Div, then optionally Mul by γ and Add β (constants).
/// </summary>
internal static class LayerNormPattern
{
    public static PatternMatch? Match(OnnxNode mean, PatternIndex index)
    {
        if (mean.OpType != "ReduceMean") return null;
        string x = mean.Inputs[0];
        var centre = index.OnlyConsumer(mean.Outputs[0], "Sub");
        if (centre is null || centre.Inputs[0] != x || centre.Inputs[1] != mean.Outputs[0]) return null;
        string d = centre.Outputs[0];
        var uses = index.Consumers(d);
        var square = uses.FirstOrDefault(n => n.OpType == "Pow" && n.Inputs[0] == d && index.IsConstant(n.Input(1))
            || n.OpType == "Mul" && n.Inputs.Count == 2 && n.Inputs[0] == d && n.Inputs[1] == d);
        var divide = uses.FirstOrDefault(n => n.OpType == "Div" && n.Inputs[0] == d);
        if (uses.Count != 2 || square is null || divide is null) return null;
        var variance = index.OnlyConsumer(square.Outputs[0], "ReduceMean");
        var epsilon = variance is null ? null : index.OnlyConsumer(variance.Outputs[0], "Add");
        if (epsilon is null || !index.IsConstant(PatternIndex.Other(epsilon, variance!.Outputs[0]))) return null;
        var root = index.OnlyConsumer(epsilon.Outputs[0], "Sqrt");
        if (root is null || divide.Input(1) != root.Outputs[0] || index.Consumers(root.Outputs[0]).Count != 1) return null;
        List<OnnxNode> nodes = [mean, centre, square, variance, epsilon, root, divide];
        var last = divide;
        foreach (var op in new[] { "Mul", "Add" })
            if (index.OnlyConsumer(last.Outputs[0], op) is { } affine && index.IsConstant(PatternIndex.Other(affine, last.Outputs[0])))
            {
                nodes.Add(affine);
                last = affine;
            }
        return new(nodes, OnnxNode.Fused(last.Name, "LayerNormalization", x, last.Outputs[0]));
    }
}
