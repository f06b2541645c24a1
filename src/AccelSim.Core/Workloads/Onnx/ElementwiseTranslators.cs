using AccelSim.Workloads.Layers;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// Activations (including the fused GELU, LayerNorm and swish patterns), Clip as ReLU6, LRN, element-wise Add/Sum/Mul/Sub/Div
/// (a residual add, the SE block's broadcast scale, a bias add folded into the MAC layer before it, arithmetic with a
/// constant as vector work), ops that leave an activation as it is, and the vector pricing of unknown operators.
/// </summary>
internal static class ElementwiseTranslators
{
    public static void Register(IDictionary<string, OnnxTranslator> table)
    {
        foreach (var (op, (function, ops)) in OnnxActivations.ByOperator)
            table[op] = (n, c) => Activation(n, c, function, ops);
        table["LRN"] = (n, c) => Activation(n, c, "lrn", checked((int)n.Int("size", 1)));
        table["Clip"] = Clip;
        foreach (var op in new[] { "Identity", "Dropout", "Cast" })
            table[op] = (n, c) => c.Relabel(n, c.Activation(n, 0), c.Activation(n, 0).Dims);
        foreach (var op in new[] { "Add", "Sum", "Mul", "Sub", "Div" }) table[op] = Binary;
    }

    /// <summary>Prices <paramref name="node"/> as one vector op per element of its first activation input (--onnx-unknown=vector).</summary>
    public static void PriceAsVector(OnnxNode node, OnnxImportContext context)
    {
        var input = node.Inputs.Select(context.Value).OfType<ActivationValue>().FirstOrDefault()
            ?? throw context.Fail(node, "cannot be priced as element-wise work: it reads no activation");
        if (node.Outputs.Count != 1) throw context.Fail(node, "cannot be priced as element-wise work: it has several outputs");
        long[] dims = input.Dims;
        if (context.Graph.DeclaredShapes.TryGetValue(node.Outputs[0], out var declared) && declared.Length > 0 && declared.Skip(1).All(d => d is not null))
        {
            dims = declared.Skip(1).Select(d => d!.Value).ToArray();
            if (dims.Aggregate(1L, (a, d) => checked(a * d)) != input.Elements)
                throw context.Fail(node, $"cannot be priced as element-wise work: its output is [N,{string.Join(",", dims)}], its input {input.DimsText}");
        }
        context.AddLayer(node, new ActivationLayer(node.Name, input.Layer, $"onnx:{node.OpType}"), dims);
        context.Note($"{node.Name} ({node.OpType}) priced as element-wise vector work");
    }

    private static void Activation(OnnxNode node, OnnxImportContext context, string function, int ops)
    {
        var input = context.Activation(node, 0);
        context.AddLayer(node, new ActivationLayer(node.Name, input.Layer, function, ops), input.Dims);
    }

    // Clip(0, 6) is ReLU6 and Clip(0, ∞) ReLU; bounds are inputs since opset 11 and attributes before.
    private static void Clip(OnnxNode node, OnnxImportContext context)
    {
        double? min = Bound(node, context, 1, "min"), max = Bound(node, context, 2, "max");
        string function = (min, max) switch
        {
            (0, 6) => "relu6",
            (0, null) => "relu",
            _ => "clip",
        };
        Activation(node, context, function, 1);
    }

    private static double? Bound(OnnxNode node, OnnxImportContext context, int index, string attribute)
    {
        if (node.Input(index) is { } name)
            return context.Value(name) is ConstantValue { Floats: [var v] } ? v
                : throw context.Fail(node, $"{attribute} ('{name}') must be a constant scalar");
        return node.Has(attribute) ? node.Float(attribute, 0) : null;
    }

    private static void Binary(OnnxNode node, OnnxImportContext context)
    {
        var operands = node.Inputs.Select(context.Value).ToList();
        var activations = operands.OfType<ActivationValue>().ToList();
        if (operands.Any(o => o is null)) throw context.Fail(node, "an input has no shape");
        if (activations.Count == 1) { WithConstant(node, context, activations[0], operands.OfType<ConstantValue>().ToList()); return; }
        if (node.OpType is "Add" or "Sum" && activations.Count == operands.Count)
        {
            if (activations.Any(a => !a.Dims.SequenceEqual(activations[0].Dims)))
                throw context.Fail(node, $"adds {string.Join(" and ", activations.Select(a => a.DimsText))}: AccelSim adds tensors of the same shape only");
            context.AddLayer(node, new AddLayer(node.Name, activations.Select(a => a.Layer).ToList()), activations[0].Dims);
            return;
        }
        if (node.OpType == "Mul" && activations.Count == 2 && Scale(node, context, activations[0], activations[1])) return;
        if (node.OpType == "Mul" && activations.Count == 2 && Scale(node, context, activations[1], activations[0])) return;
        Unsupported(node, context, $"{node.OpType} of {string.Join(" and ", activations.Select(a => a.DimsText))} is not an element-wise form AccelSim models");
    }

    // The SE block's x * gate with gate C x 1 x 1 broadcast over the feature map.
    private static bool Scale(OnnxNode node, OnnxImportContext context, ActivationValue input, ActivationValue gate)
    {
        if (!input.IsImage || gate.Map != new FeatureMap(input.Map.Channels, 1, 1) || gate.Elements != input.Map.Channels) return false;
        context.AddLayer(node, new ScaleLayer(node.Name, input.Layer, gate.Layer), input.Dims);
        return true;
    }

    // A bias add right after a MAC layer folds into it (weights exclude biases); other constant arithmetic is vector work.
    private static void WithConstant(OnnxNode node, OnnxImportContext context, ActivationValue input, List<ConstantValue> constants)
    {
        long constantElements = constants.Select(c => c.Dims.Aggregate(1L, (a, d) => checked(a * d))).DefaultIfEmpty(1).Max();
        if (constantElements > input.Elements) throw context.Fail(node, $"a constant operand is larger than the activation {input.DimsText}");
        if (node.OpType is "Add" or "Sum" && IsLayersOwnOutput(context, input))
        {
            context.Relabel(node, input, input.Dims);
            return;
        }
        context.AddLayer(node, new ActivationLayer(node.Name, input.Layer, node.OpType.ToLowerInvariant()), input.Dims);
    }

    // True when the activation is a MAC layer's output as that layer writes it.
    private static bool IsLayersOwnOutput(OnnxImportContext context, ActivationValue input) => context.LayerOf(input) switch
    {
        ConvLayer => input.IsImage,
        FullyConnectedLayer => input.Dims.Length == 1,
        MatMulLayer => true,
        _ => false,
    };

    /// <summary>Refuses, or with --onnx-unknown=vector prices the node as element-wise work.</summary>
    public static void Unsupported(OnnxNode node, OnnxImportContext context, string problem)
    {
        if (context.UnknownOps == OnnxUnknownOps.Vector) PriceAsVector(node, context);
        else throw context.Fail(node, $"{problem}; rewrite the model, or pass --onnx-unknown=vector to price it as element-wise work");
    }
}
