namespace AccelSim.Workloads.Layers;

/// <summary>A fully connected layer over the flattened input (C·H·W features → <see cref="OutFeatures"/>).</summary>
public sealed record FullyConnectedLayer(string Name, string Input, int OutFeatures, int? InFeatures = null) : Layer(Name, [Input])
{
    public override LayerKind Kind => LayerKind.FullyConnected;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        ExpectInputs(inputs, 1);
        ExpectPositive("out_features", OutFeatures);
        if (InFeatures is int declared && declared != inputs[0].Elements)
            throw Fail($"declares in_features {declared} but its input '{Input}' ({inputs[0]}) has {inputs[0].Elements}");
        return new FeatureMap(OutFeatures, 1, 1);
    }

    public override ProblemShape Problem(IReadOnlyList<FeatureMap> inputs)
    {
        InferOutput(inputs);
        long features = inputs[0].Elements;
        if (features > int.MaxValue) throw Fail($"{features} input features exceed the supported range");
        return new ProblemShape(1, 1, OutFeatures, (int)features, 1, 1, 1, 1);
    }

    public override long WeightCount(IReadOnlyList<FeatureMap> inputs) => Problem(inputs).TensorSize(TensorKind.Weights);
}
