using W = AccelSim.Workloads.Onnx.OnnxGraphWriter;

namespace AccelSim.Tests.Workloads.Onnx;

/// <summary>The blocks the import tests load, each built the way torch.onnx.export writes it.</summary>
internal static class TorchStyleModels
{
    /// <summary>torchvision's resnet18: conv-BN-ReLU stem, 8 basic blocks with BN and residual adds, avgpool, flatten, fc.</summary>
    public static TorchStyleGraph ResNet18(long opset)
    {
        var g = new TorchStyleGraph("resnet18", opset);
        string x = g.Input("input", 3, 224, 224);
        x = g.Relu("/relu", g.BatchNorm("/bn1", g.Conv("/conv1", x, 3, 64, 7, s: 2), 64));
        x = g.Pool("MaxPool", "/maxpool", x, 3, 2, 1);
        long channels = 64;
        for (int layer = 1; layer <= 4; layer++)
            for (int block = 0; block < 2; block++)
            {
                string p = $"/layer{layer}/layer{layer}.{block}";
                long width = 64L << (layer - 1), stride = layer > 1 && block == 0 ? 2 : 1;
                string y = g.Relu($"{p}/relu", g.BatchNorm($"{p}/bn1", g.Conv($"{p}/conv1", x, channels, width, 3, stride), width));
                y = g.BatchNorm($"{p}/bn2", g.Conv($"{p}/conv2", y, width, width, 3), width);
                string shortcut = stride == 1 && channels == width ? x
                    : g.BatchNorm($"{p}/downsample/downsample.1", g.Conv($"{p}/downsample/downsample.0", x, channels, width, 1, stride), width);
                x = g.Relu($"{p}/relu_1", g.Op("Add", p, y, shortcut));
                channels = width;
            }
        string flat = g.Writer.Node("Flatten", "/Flatten", [g.Op("GlobalAveragePool", "/avgpool", x)], W.IntAttr("axis", 1));
        g.Output(g.Gemm("/fc", flat, 512, 1000), 1000);
        return g;
    }

    /// <summary>A MobileNet v2-style depthwise-separable block with ReLU6 (Clip 0..6), padding by auto_pad SAME_UPPER where it is symmetric.</summary>
    public static TorchStyleGraph DepthwiseSeparable(long opset)
    {
        var g = new TorchStyleGraph("dwsep", opset);
        string x = g.Input("input", 32, 112, 112);
        string dw = g.Writer.Node("Conv", "/features/features.1/conv/conv.0/Conv", [x, g.Writer.Weight("features.1.conv.0.weight", 32, 1, 3, 3)],
            W.TextAttr("auto_pad", "SAME_UPPER"), W.IntAttr("group", 32),
            W.IntsAttr("kernel_shape", 3, 3));
        dw = g.BatchNorm("/features/features.1/conv/conv.1", dw, 32);
        dw = g.Writer.Node("Clip", "/features/features.1/conv/conv.2/Clip", [dw, g.Scalar(0), g.Scalar(6)]);
        string pw = g.BatchNorm("/features/features.1/conv/conv.4", g.Conv("/features/features.1/conv/conv.3", dw, 32, 64, 1), 64);
        g.Output(g.Writer.Node("Clip", "/features/features.1/conv/conv.5/Clip", [pw, g.Scalar(0), g.Scalar(6)]), 64, 112, 112);
        return g;
    }

    /// <summary>A residual block with squeeze-and-excitation (pool, flatten, two Linear, sigmoid, view, broadcast Mul) and a swish.</summary>
    public static TorchStyleGraph SqueezeExcite(long opset)
    {
        var g = new TorchStyleGraph("se", opset);
        string x = g.Input("input", 64, 56, 56);
        string y = g.Relu("/conv/relu", g.BatchNorm("/conv/bn", g.Conv("/conv/conv", x, 64, 64, 3), 64));
        string pooled = g.Writer.Node("Flatten", "/se/Flatten", [g.Op("GlobalAveragePool", "/se/avg_pool", y)], W.IntAttr("axis", 1));
        string gate = g.Op("Sigmoid", "/se/sigmoid", g.Gemm("/se/fc2", g.Relu("/se/relu", g.Gemm("/se/fc1", pooled, 64, 16)), 16, 64));
        string scaled = g.Op("Mul", "/se", y, g.View("/se", gate, y, 0, 64, 1, 1));
        string sum = g.Op("Add", "/block", scaled, x);
        g.Output(g.Writer.Node("Mul", "/act/Mul", [sum, g.Op("Sigmoid", "/act", sum)]), 64, 56, 56);
        return g;
    }

    /// <summary>A ShuffleNet v2 unit: Split into two halves, a conv branch, Concat, channel shuffle by view-transpose-view, and a Slice.</summary>
    public static TorchStyleGraph SplitConcat(long opset)
    {
        var g = new TorchStyleGraph("split", opset);
        string x = g.Input("input", 116, 28, 28);
        var halves = g.Writer.Node("Split", "/Split", [x, g.Ints(58, 58)], 2, W.IntAttr("axis", 1));
        string b = g.Relu("/branch2/branch2.2", g.BatchNorm("/branch2/branch2.1", g.Conv("/branch2/branch2.0", halves[1], 58, 58, 1), 58));
        b = g.BatchNorm("/branch2/branch2.4", g.Conv("/branch2/branch2.3", b, 58, 58, 3, groups: 58), 58);
        b = g.Relu("/branch2/branch2.7", g.BatchNorm("/branch2/branch2.6", g.Conv("/branch2/branch2.5", b, 58, 58, 1), 58));
        string joined = g.Writer.Node("Concat", "/Concat", [halves[0], b], W.IntAttr("axis", 1));
        string grouped = g.View("/shuffle", joined, joined, 0, 2, 58, 28, 28);
        string shuffled = g.View("/shuffle", g.Transpose("/shuffle", 0, grouped, 0, 2, 1, 3, 4), joined, 1, 116, 28, 28);
        g.Output(g.Writer.Node("Slice", "/Slice", [shuffled, g.Ints(0), g.Ints(58), g.Ints(1), g.Ints(1)]), 58, 28, 28);
        return g;
    }

    /// <summary>One BERT-base encoder layer as Hugging Face's BertLayer exports: Q/K/V Linear, heads by view and transpose,
    /// Q·Kᵀ / 8, softmax, ·V, output Linear, residual Add, LayerNorm, FFN with GELU written out, Add, LayerNorm.</summary>
    public static TorchStyleGraph BertLayer(long opset, int tokens = 128)
    {
        var g = new TorchStyleGraph("bert-layer", opset);
        string x = g.Input("hidden_states", tokens, 768);
        string Heads(string linear, int n, params long[] perm) =>
            g.Transpose("/attention/self", n, g.View("/attention/self", g.Linear($"/attention/self/{linear}", x, 768, 768), x, n, tokens, 12, 64), perm);
        string q = Heads("query", 0, 0, 2, 1, 3), k = Heads("key", 1, 0, 2, 3, 1), v = Heads("value", 2, 0, 2, 1, 3);
        string scores = g.Writer.Node("Div", "/attention/self/Div", [g.Writer.Node("MatMul", "/attention/self/MatMul", [q, k]), g.Scalar(8)]);
        string probs = g.Writer.Node("Softmax", "/attention/self/Softmax", [scores], W.IntAttr("axis", -1));
        string context = g.Writer.Node("MatMul", "/attention/self/MatMul_1", [probs, v]);
        context = g.View("/attention/self", g.Transpose("/attention/self", 3, context, 0, 2, 1, 3), x, 3, tokens, 768);
        string attention = g.LayerNorm("/attention/output/LayerNorm", g.Op("Add", "/attention/output", g.Linear("/attention/output/dense", context, 768, 768), x), 768);
        string ffn = g.Gelu("/intermediate/intermediate_act_fn", g.Linear("/intermediate/dense", attention, 768, 3072));
        string output = g.LayerNorm("/output/LayerNorm", g.Op("Add", "/output", g.Linear("/output/dense", ffn, 3072, 768), attention), 768);
        g.Output(output, tokens, 768);
        return g;
    }

    /// <summary>The remaining operators and attributes: dilation, conv bias, LeakyRelu, ceil-mode MaxPool, LRN, AveragePool, Tanh,
    /// HardSigmoid, HardSwish, Identity, Dropout, Unsqueeze/Squeeze, auto_pad VALID, Sum, Gemm with transB = 0, MatMul on a vector
    /// by a transposed weight, Softmax.</summary>
    public static TorchStyleGraph Miscellany(long opset)
    {
        var g = new TorchStyleGraph("misc", opset);
        string x = g.Input("input", 3, 32, 32);
        x = g.Op("LeakyRelu", "/act0", g.Conv("/conv0", x, 3, 16, 3, dilation: 2, bias: true));
        x = g.Pool("MaxPool", "/pool0", x, 3, 2, 0, ceil: true);
        x = g.Writer.Node("LRN", "/lrn/LRN", [x], W.IntAttr("size", 5));
        x = g.Pool("AveragePool", "/pool1", x, 2, 2, 0);
        x = g.Op("HardSwish", "/act3", g.Op("HardSigmoid", "/act2", g.Op("Tanh", "/act1", x)));
        x = g.Op("Dropout", "/drop", g.Op("Identity", "/id", x));
        x = g.Op("Squeeze", "/sq", g.Op("Unsqueeze", "/unsq", x, g.Ints(2)), g.Ints(2));
        string a = g.Writer.Node("Conv", "/conv1/Conv", [x, g.Writer.Weight("conv1.weight", 16, 16, 1, 1)], W.TextAttr("auto_pad", "VALID"), W.IntsAttr("kernel_shape", 1, 1));
        string sum = g.Op("Sum", "/sum", g.Relu("/r1", a), g.Relu("/r2", a), g.Relu("/r3", a));
        string flat = g.Writer.Node("Flatten", "/Flatten", [g.Op("GlobalAveragePool", "/gap", sum)], W.IntAttr("axis", 1));
        string fc = g.Writer.Node("Gemm", "/fc/Gemm", [flat, g.Writer.Weight("fc.weight", 16, 10)], W.IntAttr("transB", 0));
        string head = g.Op("MatMul", "/head", fc, g.Op("Transpose", "/head", g.Writer.Weight("head.weight", 4, 10)));
        g.Output(g.Writer.Node("Softmax", "/softmax/Softmax", [head], W.IntAttr("axis", 1)), 4);
        return g;
    }

    /// <summary>More forms: a batch norm with no conv before it, auto_pad SAME_LOWER, a conv bias as a separate Add (as TensorFlow
    /// converters write it), Clip as ReLU and as a plain clip, Cast, Sub by a constant, the Gelu operator (opset 20),
    /// GELU with the 0.5 applied to x first, and hard swish as x · HardSigmoid(x).</summary>
    public static TorchStyleGraph MoreForms()
    {
        var g = new TorchStyleGraph("forms", 17);
        string x = g.BatchNorm("/norm", g.Input("input", 8, 20, 20), 8);
        x = g.Writer.Node("Conv", "/conv/Conv", [x, g.Writer.Weight("conv.weight", 8, 8, 5, 5)], W.TextAttr("auto_pad", "SAME_LOWER"), W.IntsAttr("kernel_shape", 5, 5));
        x = g.Writer.Node("Add", "/conv/BiasAdd", [x, g.Writer.Weight("conv.bias", 8, 1, 1)]);
        x = g.Writer.Node("Clip", "/clip0/Clip", [x, g.Scalar(0)]);
        x = g.Writer.Node("Clip", "/clip1/Clip", [x, g.Scalar(-1), g.Scalar(1)]);
        x = g.Op("Sub", "/sub", g.Writer.Node("Cast", "/cast/Cast", [x], W.IntAttr("to", 1)), g.Scalar(0.5f));
        x = g.Op("Gelu", "/gelu", x);
        string half = g.Writer.Node("Mul", "/gelu2/Mul", [x, g.Scalar(0.5f)]);
        string erf = g.Writer.Node("Erf", "/gelu2/Erf", [g.Writer.Node("Mul", "/gelu2/Mul_1", [x, g.Scalar(0.70710677f)])]);
        x = g.Writer.Node("Mul", "/gelu2/Mul_2", [half, g.Writer.Node("Add", "/gelu2/Add", [erf, g.Scalar(1)])]);
        g.Output(g.Writer.Node("Mul", "/hswish/Mul", [x, g.Op("HardSigmoid", "/hswish", x)]), 8, 20, 20);
        return g;
    }
}
