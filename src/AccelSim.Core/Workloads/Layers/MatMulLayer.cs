namespace AccelSim.Workloads.Layers;

/// <summary>
/// A (grouped) matrix multiply over a token sequence: the input is features × tokens × 1 and every token is multiplied by a
/// [features/groups × out/groups] matrix per group. The matrix is a trained weight unless <see cref="RightOperand"/> names
/// an activation (attention's Q·Kᵀ and scores·V), in which case it is read like weights but counts as no parameters.
/// Loop nest: N = tokens, G = groups (heads), C = features per group, M = outputs per group.
/// </summary>
public sealed record MatMulLayer(string Name, string Input, int OutFeatures, int Groups = 1, string? RightOperand = null)
    : Layer(Name, RightOperand is null ? [Input] : [Input, RightOperand])
{
    public override LayerKind Kind => LayerKind.MatMul;

    public override FeatureMap InferOutput(IReadOnlyList<FeatureMap> inputs)
    {
        ExpectInputs(inputs, RightOperand is null ? 1 : 2);
        ExpectPositive("out_features", OutFeatures);
        ExpectPositive("groups", Groups);
        var a = inputs[0];
        if (a.Width != 1) throw Fail($"expects a token sequence (features x tokens x 1), got {a}");
        if (a.Channels % Groups != 0) throw Fail($"features {a.Channels} are not divisible by groups {Groups}");
        if (OutFeatures % Groups != 0) throw Fail($"out_features {OutFeatures} are not divisible by groups {Groups}");
        if (RightOperand is not null)
        {
            // The right operand holds, per group, a [features/groups × out/groups] matrix.
            long needed = (long)a.Channels / Groups * (OutFeatures / Groups) * Groups;
            if (inputs[1].Elements != needed)
                throw Fail($"right operand '{RightOperand}' has {inputs[1].Elements} elements, the product needs {needed}");
        }
        return new FeatureMap(OutFeatures, a.Height, 1);
    }

    public override ProblemShape Problem(IReadOnlyList<FeatureMap> inputs)
    {
        var output = InferOutput(inputs);
        return new ProblemShape(output.Height, Groups, OutFeatures / Groups, inputs[0].Channels / Groups, 1, 1, 1, 1);
    }

    public override long WeightCount(IReadOnlyList<FeatureMap> inputs) =>
        RightOperand is null ? Problem(inputs).TensorSize(TensorKind.Weights) : 0;
}
