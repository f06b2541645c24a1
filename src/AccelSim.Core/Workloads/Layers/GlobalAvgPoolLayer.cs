namespace AccelSim.Workloads.Layers;

/// <summary>Average over the whole feature map: C × H × W → C × 1 × 1.</summary>
public sealed record GlobalAvgPoolLayer(string Name, string Input) : Layer(Name, [Input])
{
    public override LayerKind Kind => LayerKind.GlobalAvgPool;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        ExpectInputs(inputs, 1);
        return new FeatureMap(inputs[0].Channels, 1, 1);
    }

    public override long VectorOps(IReadOnlyList<FeatureMap> inputs, FeatureMap output) => inputs[0].Elements;
}
