namespace AccelSim.Workloads.Layers;

/// <summary>
/// A 2-D convolution: dense (Groups = 1), grouped, depthwise (Groups = input channels, output channels = multiplier × groups)
/// or pointwise (1x1). <see cref="InChannels"/>, when given, is checked against the producer's channels.
/// </summary>
public sealed record ConvLayer(string Name, string Input, int OutChannels, Window Window, int Groups = 1, int? InChannels = null)
    : Layer(Name, [Input])
{
    public override LayerKind Kind => LayerKind.Conv;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        ExpectInputs(inputs, 1);
        var input = inputs[0];
        ExpectPositive("out_channels", OutChannels);
        ExpectPositive("groups", Groups);
        ExpectPositive("kernel", Math.Min(Window.KernelH, Window.KernelW));
        ExpectPositive("stride", Math.Min(Window.StrideH, Window.StrideW));
        ExpectPositive("dilation", Math.Min(Window.DilationH, Window.DilationW));
        if (InChannels is int declared && declared != input.Channels)
            throw Fail($"declares in_channels {declared} but its input '{Input}' has {input.Channels} channels");
        if (input.Channels % Groups != 0) throw Fail($"input channels {input.Channels} are not divisible by groups {Groups}");
        if (OutChannels % Groups != 0) throw Fail($"out_channels {OutChannels} are not divisible by groups {Groups}");
        int h = Window.OutputHeight(input.Height), w = Window.OutputWidth(input.Width);
        if (h <= 0 || w <= 0) throw Fail($"window {Window} does not fit the {input} input");
        return new FeatureMap(OutChannels, h, w);
    }

    public override ProblemShape Problem(IReadOnlyList<FeatureMap> inputs)
    {
        var output = InferOutput(inputs);
        return new ProblemShape(1, Groups, OutChannels / Groups, inputs[0].Channels / Groups, output.Height, output.Width,
            Window.KernelH, Window.KernelW, Window.StrideH, Window.StrideW, Window.DilationH, Window.DilationW);
    }

    public override long WeightCount(IReadOnlyList<FeatureMap> inputs) => Problem(inputs).TensorSize(TensorKind.Weights);
}
