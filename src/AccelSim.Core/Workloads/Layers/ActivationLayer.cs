namespace AccelSim.Workloads.Layers;

/// <summary>
/// An element-wise function (relu, sigmoid, swish, hswish, gelu, softmax, layernorm, lrn, batchnorm …) that keeps the shape.
/// <see cref="OpsPerElement"/> is the vector-unit cost of one element (e.g. 5 for a 5-wide LRN).
/// </summary>
public sealed record ActivationLayer(string Name, string Input, string Function, int OpsPerElement = 1) : Layer(Name, [Input])
{
    public override LayerKind Kind => LayerKind.Activation;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        ExpectInputs(inputs, 1);
        ExpectPositive("ops_per_element", OpsPerElement);
        if (string.IsNullOrWhiteSpace(Function)) throw Fail("'function' must be named");
        return inputs[0];
    }

    public override long VectorOps(IReadOnlyList<FeatureMap> inputs, FeatureMap output) => output.Elements * OpsPerElement;
}
