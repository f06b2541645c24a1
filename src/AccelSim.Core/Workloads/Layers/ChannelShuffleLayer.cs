namespace AccelSim.Workloads.Layers;

/// <summary>ShuffleNet's channel shuffle: a permutation of channels across <see cref="Groups"/> groups.</summary>
public sealed record ChannelShuffleLayer(string Name, string Input, int Groups) : Layer(Name, [Input])
{
    public override LayerKind Kind => LayerKind.ChannelShuffle;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        ExpectInputs(inputs, 1);
        ExpectPositive("groups", Groups);
        if (inputs[0].Channels % Groups != 0) throw Fail($"channels {inputs[0].Channels} are not divisible by groups {Groups}");
        return inputs[0];
    }

    public override long VectorOps(IReadOnlyList<FeatureMap> inputs, FeatureMap output) => output.Elements;
}
