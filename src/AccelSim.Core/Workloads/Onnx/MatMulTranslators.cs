using AccelSim.Workloads.Layers;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// Gemm and MatMul. With a weight on the right, a flattened input [N, F] is a fully connected layer and a token sequence
/// [N, T, F] a matmul per token; with two activations (attention's Q·Kᵀ and scores·V) it is a grouped matmul over the
/// heads, the right operand read like weights (see docs/workload-format.md, token sequences).
/// </summary>
internal static class MatMulTranslators
{
    public static void Register(IDictionary<string, OnnxTranslator> table)
    {
        table["Gemm"] = Gemm;
        table["MatMul"] = MatMul;
    }

    private static void Gemm(OnnxNode node, OnnxImportContext context)
    {
        if (node.Int("transA", 0) != 0) throw context.Fail(node, "transA = 1 is not supported (rows must be the batch)");
        var input = context.Activation(node, 0);
        long[] weight = context.WeightDims(node, 1);
        if (weight.Length != 2) throw context.Fail(node, $"weight B must be a matrix, got [{string.Join(",", weight)}]");
        bool transB = node.Int("transB", 0) != 0;
        FullyConnected(node, context, input, transB ? weight[1] : weight[0], transB ? weight[0] : weight[1]);
    }

    private static void MatMul(OnnxNode node, OnnxImportContext context)
    {
        var left = context.Activation(node, 0);
        if (context.Value(node.Input(1)) is ActivationValue right)
        {
            Attention(node, context, left, right);
            return;
        }
        long[] weight = context.WeightDims(node, 1);
        if (weight.Length != 2) throw context.Fail(node, $"the weight must be a matrix, got [{string.Join(",", weight)}]");
        if (left.Dims.Length == 1)
        {
            FullyConnected(node, context, left, weight[0], weight[1]);
            return;
        }
        if (!left.IsSequence)
            throw context.Fail(node, $"input '{node.Input(0)}' is {left.DimsText}, not a flattened vector [N,F] or the token sequence [N,{left.Map.Height},{left.Map.Channels}] of layer '{left.Layer}'");
        if (weight[0] != left.Dims[1]) throw context.Fail(node, $"weight [{string.Join(",", weight)}] does not take {left.Dims[1]} features");
        context.AddLayer(node, new MatMulLayer(node.Name, left.Layer, Int(node, context, weight[1])), [left.Dims[0], weight[1]]);
    }

    private static void FullyConnected(OnnxNode node, OnnxImportContext context, ActivationValue input, long inFeatures, long outFeatures)
    {
        if (input.Dims.Length != 1) throw context.Fail(node, $"input '{node.Input(0)}' is {input.DimsText}; flatten it to [N,F] first");
        if (inFeatures != input.Elements) throw context.Fail(node, $"the weight takes {inFeatures} features, the input has {input.Elements}");
        context.AddLayer(node, new FullyConnectedLayer(node.Name, input.Layer, Int(node, context, outFeatures)), [outFeatures]);
    }

    // [N, g.., T, K] x [N, g.., K, M]: G = product of the g dims, every group a T x K by K x M product.
    private static void Attention(OnnxNode node, OnnxImportContext context, ActivationValue left, ActivationValue right)
    {
        int rank = left.Dims.Length;
        if (rank < 2 || right.Dims.Length != rank || !left.Dims[..^2].SequenceEqual(right.Dims[..^2]) || left.Dims[^1] != right.Dims[^2])
            throw context.Fail(node, $"cannot multiply {left.DimsText} by {right.DimsText} (AccelSim needs [N,heads..,T,K] x [N,heads..,K,M])");
        long groups = left.Dims[..^2].Aggregate(1L, (a, d) => checked(a * d));
        long tokens = left.Dims[^2], k = left.Dims[^1], m = right.Dims[^1];
        if (left.Map != new FeatureMap(checked((int)(groups * k)), checked((int)tokens), 1))
            throw context.Fail(node, $"the left operand {left.DimsText} is not {groups} head(s) of the token sequence {left.Map} of layer '{left.Layer}'");
        var layer = new MatMulLayer(node.Name, left.Layer, Int(node, context, checked(groups * m)), (int)groups, right.Layer);
        context.AddLayer(node, layer, [.. left.Dims[..^1], m]);
    }

    private static int Int(OnnxNode node, OnnxImportContext context, long value) =>
        value is > 0 and <= int.MaxValue ? (int)value : throw context.Fail(node, $"{value} features are out of range");
}
