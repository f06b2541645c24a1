namespace AccelSim.Workloads.Layers;

/// <summary>Element-wise sum of two or more tensors of the same shape (residual connections).</summary>
public sealed record AddLayer(string Name, IReadOnlyList<string> Operands) : Layer(Name, Operands)
{
    public override LayerKind Kind => LayerKind.Add;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        if (inputs.Count < 2) throw Fail($"expects at least 2 inputs, got {inputs.Count}");
        for (int i = 1; i < inputs.Count; i++)
            if (inputs[i] != inputs[0])
                throw Fail($"input '{Operands[i]}' has shape {inputs[i]} but '{Operands[0]}' has {inputs[0]}");
        return inputs[0];
    }

    public override long VectorOps(IReadOnlyList<FeatureMap> inputs, FeatureMap output) => output.Elements * (inputs.Count - 1);
}
