namespace AccelSim.Workloads.Layers;

/// <summary>Channel-wise scaling of a feature map by a C × 1 × 1 vector (squeeze-and-excitation).</summary>
public sealed record ScaleLayer(string Name, string Input, string Scale) : Layer(Name, [Input, Scale])
{
    public override LayerKind Kind => LayerKind.Scale;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        ExpectInputs(inputs, 2);
        if (inputs[1] != new FeatureMap(inputs[0].Channels, 1, 1))
            throw Fail($"scale '{Scale}' must be {inputs[0].Channels}x1x1 to scale '{Input}' ({inputs[0]}), got {inputs[1]}");
        return inputs[0];
    }

    public override long VectorOps(IReadOnlyList<FeatureMap> inputs, FeatureMap output) => output.Elements;
}
