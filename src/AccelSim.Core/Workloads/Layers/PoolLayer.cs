namespace AccelSim.Workloads.Layers;

/// <summary>Max or average pooling over a window; <see cref="CeilMode"/> rounds the output size up as Caffe does.</summary>
public sealed record PoolLayer(string Name, string Input, LayerKind PoolKind, Window Window, bool CeilMode = false) : Layer(Name, [Input])
{
    public override LayerKind Kind => PoolKind;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        ExpectInputs(inputs, 1);
        if (PoolKind is not (LayerKind.MaxPool or LayerKind.AvgPool)) throw Fail($"pool kind must be maxpool or avgpool, got {PoolKind}");
        ExpectPositive("kernel", Math.Min(Window.KernelH, Window.KernelW));
        ExpectPositive("stride", Math.Min(Window.StrideH, Window.StrideW));
        var input = inputs[0];
        int h = Window.OutputHeight(input.Height, CeilMode), w = Window.OutputWidth(input.Width, CeilMode);
        if (h <= 0 || w <= 0) throw Fail($"window {Window} does not fit the {input} input");
        return new FeatureMap(input.Channels, h, w);
    }

    /// <summary>One compare or add per window element per output.</summary>
    public override long VectorOps(IReadOnlyList<FeatureMap> inputs, FeatureMap output) =>
        output.Elements * Window.KernelH * Window.KernelW;
}
