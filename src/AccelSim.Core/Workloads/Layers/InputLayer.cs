namespace AccelSim.Workloads.Layers;

/// <summary>The model's input image or token sequence (one batch item).</summary>
public sealed record InputLayer(string Name, FeatureMap Shape) : Layer(Name, [])
{
    public override LayerKind Kind => LayerKind.Input;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        ExpectInputs(inputs, 0);
        ExpectPositive("channels", Shape.Channels);
        ExpectPositive("height", Shape.Height);
        ExpectPositive("width", Shape.Width);
        return Shape;
    }
}
