namespace AccelSim.Workloads.Onnx.Patterns;

/// <summary>
/// The exact GELU as exporters before opset 20 write it: x · 0.5 · (1 + erf(x / √2)), i.e. Div (or Mul) → Erf → Add → Mul → Mul,
/// with the 0.5 applied last (PyTorch) or to x first. The constants are not checked, only that they are constants.
/// </summary>
internal static class GeluPattern
{
    public static PatternMatch? Match(OnnxNode erf, PatternIndex index)
    {
        if (erf.OpType != "Erf") return null;
        var scale = index.Producer(erf.Inputs[0], "Div") ?? index.Producer(erf.Inputs[0], "Mul");
        if (scale is null || !index.IsConstant(scale.Input(1)) || index.OnlyConsumer(scale.Outputs[0], "Erf") != erf) return null;
        string x = scale.Inputs[0];
        var plusOne = index.OnlyConsumer(erf.Outputs[0], "Add");
        if (plusOne is null || !index.IsConstant(PatternIndex.Other(plusOne, erf.Outputs[0]))) return null;
        var product = index.OnlyConsumer(plusOne.Outputs[0], "Mul");
        if (product is null || PatternIndex.Other(product, plusOne.Outputs[0]) is not { } other) return null;
        if (other == x)
        {
            var half = index.OnlyConsumer(product.Outputs[0], "Mul");
            if (half is null || !index.IsConstant(PatternIndex.Other(half, product.Outputs[0]))) return null;
            return new([scale, erf, plusOne, product, half], OnnxNode.Fused(half.Name, "Gelu", x, half.Outputs[0]));
        }
        var halfX = index.Producer(other, "Mul");
        if (halfX is null || PatternIndex.Other(halfX, x) is not { } c || !index.IsConstant(c) || index.OnlyConsumer(other, "Mul") != product) return null;
        return new([scale, erf, plusOne, halfX, product], OnnxNode.Fused(product.Name, "Gelu", x, product.Outputs[0]));
    }
}
