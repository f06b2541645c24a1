namespace AccelSim.Workloads.Layers;

/// <summary>
/// A contiguous run of channels [<see cref="Start"/>, <see cref="Start"/> + <see cref="Count"/>) of the input: ShuffleNet v2's
/// channel split. A split is a view, not a computation, but it still moves the selected elements, so it costs one move per
/// output element (like a concat).
/// </summary>
public sealed record SliceLayer(string Name, string Input, int Start, int Count) : Layer(Name, [Input])
{
    public override LayerKind Kind => LayerKind.Slice;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        ExpectInputs(inputs, 1);
        ExpectPositive("count", Count);
        if (Start < 0) throw Fail($"'start' must not be negative, got {Start}");
        if ((long)Start + Count > inputs[0].Channels)
            throw Fail($"channels {Start}..{Start + Count - 1} do not exist in '{Input}' ({inputs[0]})");
        return inputs[0] with { Channels = Count };
    }

    public override long VectorOps(IReadOnlyList<FeatureMap> inputs, FeatureMap output) => output.Elements;
}
