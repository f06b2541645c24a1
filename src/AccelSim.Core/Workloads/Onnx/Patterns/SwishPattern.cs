namespace AccelSim.Workloads.Onnx.Patterns;

/// <summary>x · sigmoid(x) (swish, SiLU) and x · hardsigmoid(x) (hard swish): a gate whose only reader multiplies it by its own input.</summary>
internal static class SwishPattern
{
    public static PatternMatch? Match(OnnxNode gate, PatternIndex index)
    {
        string? fused = gate.OpType switch { "Sigmoid" => "Swish", "HardSigmoid" => "HardSwish", _ => null };
        if (fused is null) return null;
        string x = gate.Inputs[0];
        var product = index.OnlyConsumer(gate.Outputs[0], "Mul");
        if (product is null || PatternIndex.Other(product, gate.Outputs[0]) != x) return null;
        return new([gate, product], OnnxNode.Fused(product.Name, fused, x, product.Outputs[0]));
    }
}
