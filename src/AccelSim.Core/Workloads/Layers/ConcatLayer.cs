namespace AccelSim.Workloads.Layers;

/// <summary>Concatenation along channels (inception branches, dense blocks); every input has the same height and width.</summary>
public sealed record ConcatLayer(string Name, IReadOnlyList<string> Operands) : Layer(Name, Operands)
{
    public override LayerKind Kind => LayerKind.Concat;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        if (inputs.Count < 1) throw Fail("expects at least 1 input");
        long channels = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Height != inputs[0].Height || inputs[i].Width != inputs[0].Width)
                throw Fail($"input '{Operands[i]}' is {inputs[i]} but '{Operands[0]}' is {inputs[0]}: height and width must match");
            channels += inputs[i].Channels;
        }
        return new FeatureMap(checked((int)channels), inputs[0].Height, inputs[0].Width);
    }

    /// <summary>A concat is a copy: one move per element.</summary>
    public override long VectorOps(IReadOnlyList<FeatureMap> inputs, FeatureMap output) => output.Elements;
}
