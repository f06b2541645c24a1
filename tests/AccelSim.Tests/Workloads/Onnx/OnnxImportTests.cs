using AccelSim.Workloads;
using AccelSim.Workloads.Layers;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Workloads.Onnx;

/// <summary>Graphs built the way PyTorch exports them, at opset 13 and 17, import as the layers AccelSim models.</summary>
public class OnnxImportTests
{
    public static TheoryData<long> Opsets() => [13, 17];

    [Theory]
    [MemberData(nameof(Opsets))]
    public void ResNet18MatchesTheZoo(long opset)
    {
        var imported = TorchStyleModels.ResNet18(opset).Import();
        var zoo = ModelZoo.Get("resnet18");
        var model = imported.Model;

        Assert.Equal(zoo.TotalMacs, model.TotalMacs);
        Assert.Equal(zoo.TotalWeights, model.TotalWeights);
        // The same loop nests (torchvision draws a block's shortcut after its branch, the zoo before), and batch norms fold
        // into their convs, so the layer list is the zoo's; node names stay the layer names.
        Assert.Equal(zoo.MacLayers.Select(l => l.Problem!.ToString()).Order(), model.MacLayers.Select(l => l.Problem!.ToString()).Order());
        Assert.Equal(zoo.Layers.Select(l => l.Kind).Order(), model.Layers.Select(l => l.Kind).Order());
        Assert.Equal(20, imported.Notes.Count(n => n.StartsWith("batchnorm", StringComparison.Ordinal)));
        Assert.Equal(LayerKind.Conv, model.Find("/layer1/layer1.0/conv1/Conv")!.Kind);
        Assert.Equal(LayerKind.Add, model.Find("/layer2/layer2.0/Add")!.Kind);
        Assert.Contains("batchnorm /layer2/layer2.0/bn2/BatchNormalization folded into conv /layer2/layer2.0/conv2/Conv", imported.Notes);
        Assert.Equal(["/bn1/BatchNormalization"], model.Folded["/conv1/Conv"]);
        Assert.Equal(["/layer2/layer2.0/conv2/Conv", "/layer2/layer2.0/downsample/downsample.0/Conv"], model.Find("/layer2/layer2.0/Add")!.Layer.Inputs);
        Assert.Equal(new FeatureMap(1000, 1, 1), model.Find("/fc/Gemm")!.Output);
    }

    [Theory]
    [MemberData(nameof(Opsets))]
    public void DepthwiseSeparableBlockWithRelu6(long opset)
    {
        var model = TorchStyleModels.DepthwiseSeparable(opset).Model;

        var depthwise = model.Find("/features/features.1/conv/conv.0/Conv")!;
        Assert.Equal("N1 G32 M1 C1 P112 Q112 R3 S3", depthwise.Problem!.ToString()); // SAME_UPPER at stride 1 pads 1 on each side
        Assert.Equal("N1 G1 M64 C32 P112 Q112 R1 S1", model.Find("/features/features.1/conv/conv.3/Conv")!.Problem!.ToString());
        var relu6 = Assert.IsType<ActivationLayer>(model.Find("/features/features.1/conv/conv.2/Clip")!.Layer);
        Assert.Equal(("relu6", "/features/features.1/conv/conv.0/Conv"), (relu6.Function, relu6.Input));
        Assert.Equal(32L * 9 + 32 * 64, model.TotalWeights);
    }

    [Theory]
    [MemberData(nameof(Opsets))]
    public void SqueezeExciteBlockScalesByItsGate(long opset)
    {
        var model = TorchStyleModels.SqueezeExcite(opset).Model;

        var scale = Assert.IsType<ScaleLayer>(model.Find("/se/Mul")!.Layer);
        Assert.Equal(("/conv/relu/Relu", "/se/sigmoid/Sigmoid"), (scale.Input, scale.Scale));
        Assert.Equal(64 * 16, model.Find("/se/fc1/Gemm")!.Macs);
        Assert.Equal(LayerKind.Add, model.Find("/block/Add")!.Kind);
        var swish = Assert.IsType<ActivationLayer>(model.Find("/act/Mul")!.Layer);
        Assert.Equal(("swish", "/block/Add"), (swish.Function, swish.Input));
        Assert.Null(model.Find("/act/Sigmoid/Sigmoid"));
    }

    [Theory]
    [MemberData(nameof(Opsets))]
    public void ChannelSplitConcatAndShuffle(long opset)
    {
        var model = TorchStyleModels.SplitConcat(opset).Model;

        Assert.Equal(("input", 0, 58), Slice(model, "/Split:0"));
        Assert.Equal(("input", 58, 58), Slice(model, "/Split:1"));
        Assert.Equal("N1 G58 M1 C1 P28 Q28 R3 S3", model.Find("/branch2/branch2.3/Conv")!.Problem!.ToString());
        var concat = model.Find("/Concat")!;
        Assert.Equal(["/Split:0", "/branch2/branch2.7/Relu"], concat.Layer.Inputs);
        Assert.Equal(new FeatureMap(116, 28, 28), concat.Output);
        var shuffle = Assert.IsType<ChannelShuffleLayer>(model.Find("/shuffle/Transpose")!.Layer);
        Assert.Equal(("/Concat", 2), (shuffle.Input, shuffle.Groups));
        Assert.Equal(("/shuffle/Transpose", 0, 58), Slice(model, "/Slice"));
    }

    [Theory]
    [MemberData(nameof(Opsets))]
    public void BertLayerMatchesTheZooEncoder(long opset)
    {
        var model = TorchStyleModels.BertLayer(opset).Model;
        var zoo = ModelZoo.Get("bert-base-encoder");

        Assert.Equal(zoo.TotalMacs, model.TotalMacs);
        Assert.Equal(zoo.TotalWeights, model.TotalWeights);
        Assert.Equal(zoo.MacLayers.Select(l => l.Problem!.ToString()).Order(), model.MacLayers.Select(l => l.Problem!.ToString()).Order());
        var scores = Assert.IsType<MatMulLayer>(model.Find("/attention/self/MatMul")!.Layer);
        Assert.Equal(("/attention/self/query/MatMul", "/attention/self/key/MatMul", 12, 12 * 128), (scores.Input, scores.RightOperand, scores.Groups, scores.OutFeatures));
        var context = Assert.IsType<MatMulLayer>(model.Find("/attention/self/MatMul_1")!.Layer);
        Assert.Equal(("/attention/self/Softmax", "/attention/self/value/MatMul", 768), (context.Input, context.RightOperand, context.OutFeatures));
        // GELU (opset 13 and 17) and LayerNorm (written out at 13) each become one activation named after their last node.
        Assert.Equal(("gelu", 8), Function(model, "/intermediate/intermediate_act_fn/Mul_1"));
        string norm = opset >= 17 ? "/output/LayerNorm/LayerNormalization" : "/output/LayerNorm/Add_1";
        Assert.Equal(("layernorm", 5), Function(model, norm));
        Assert.Equal(("softmax", 5), Function(model, "/attention/self/Softmax"));
        Assert.Equal(("div", 1), Function(model, "/attention/self/Div"));
        Assert.Null(model.Find("/intermediate/intermediate_act_fn/Erf"));
        // input, 6 weight matmuls, 2 attention matmuls, div, softmax, gelu, 2 adds, 2 layer norms: the zoo's 15 and the
        // scaling by 1/√64, which the zoo leaves out; the bias adds fold into their matmuls.
        Assert.Equal(16, model.Layers.Count);
    }

    [Fact]
    public void LayerNormWithTheSquareWrittenAsAProductIsOneLayer()
    {
        var g = new TorchStyleGraph("ln-mul", 13);
        string x = g.Input("input", 128, 768);
        g.Output(g.LayerNorm("/ln", x, 768, squareByMul: true), 128, 768);
        var model = g.Model;
        Assert.Equal(("layernorm", 5), Function(model, "/ln/Add_1"));
        Assert.Null(model.Find("/ln/Mul_square"));
        Assert.Equal(2, model.Layers.Count); // the input and the one layer norm
    }

    [Fact]
    public void RemainingOperatorsAndAttributes()
    {
        var model = TorchStyleModels.Miscellany(13).Model;

        Assert.Equal("N1 G1 M16 C3 P32 Q32 R3 S3 d2", model.Find("/conv0/Conv")!.Problem!.ToString());
        Assert.Equal(("leakyrelu", 1), Function(model, "/act0/LeakyRelu"));
        var pool = Assert.IsType<PoolLayer>(model.Find("/pool0/MaxPool")!.Layer);
        Assert.True(pool.CeilMode);
        Assert.Equal(new FeatureMap(16, 16, 16), model.Find("/pool0/MaxPool")!.Output);
        Assert.Equal(("lrn", 5), Function(model, "/lrn/LRN"));
        Assert.Equal(new FeatureMap(16, 8, 8), model.Find("/pool1/AveragePool")!.Output);
        Assert.Equal(("hsigmoid", 1), Function(model, "/act2/HardSigmoid"));
        Assert.Equal(("hswish", 1), Function(model, "/act3/HardSwish"));
        Assert.Equal("/act3/HardSwish", model.Find("/conv1/Conv")!.Layer.Inputs[0]); // Identity, Dropout, Unsqueeze, Squeeze relabel
        Assert.Equal(3, model.Find("/sum/Sum")!.Layer.Inputs.Count);
        Assert.Equal(16 * 10, model.Find("/fc/Gemm")!.Weights);
        Assert.Equal(LayerKind.FullyConnected, model.Find("/head/MatMul")!.Kind);
        Assert.Equal(10 * 4, model.Find("/head/MatMul")!.Weights); // the weight [4, 10] transposed by a Transpose node
        Assert.Equal(("softmax", 5), Function(model, "/softmax/Softmax"));
    }

    [Fact]
    public void MoreFormsOfTheSameOperators()
    {
        var model = TorchStyleModels.MoreForms().Model;

        Assert.Equal(("batchnorm", 2), Function(model, "/norm/BatchNormalization")); // no conv before it: element-wise
        Assert.Equal("N1 G1 M8 C8 P20 Q20 R5 S5", model.Find("/conv/Conv")!.Problem!.ToString()); // SAME_LOWER, 2 on each side
        Assert.Null(model.Find("/conv/BiasAdd"));
        Assert.Equal(("relu", 1), Function(model, "/clip0/Clip"));
        Assert.Equal("/conv/Conv", model.Find("/clip0/Clip")!.Layer.Inputs[0]);
        Assert.Equal(("clip", 1), Function(model, "/clip1/Clip"));
        Assert.Equal(("sub", 1), Function(model, "/sub/Sub"));
        Assert.Equal("/clip1/Clip", model.Find("/sub/Sub")!.Layer.Inputs[0]); // Cast relabels
        Assert.Equal(("gelu", 8), Function(model, "/gelu/Gelu"));
        Assert.Equal(("gelu", 8), Function(model, "/gelu2/Mul_2"));
        Assert.Equal(("hswish", 1), Function(model, "/hswish/Mul"));
        Assert.Equal(["input", "/norm/BatchNormalization", "/conv/Conv", "/clip0/Clip", "/clip1/Clip", "/sub/Sub", "/gelu/Gelu", "/gelu2/Mul_2", "/hswish/Mul"],
            model.Layers.Select(l => l.Name));
    }

    private static (string, int, int) Slice(ModelGraph model, string name) =>
        model.Find(name)?.Layer is SliceLayer s ? (s.Input, s.Start, s.Count) : ("not a slice", 0, 0);

    private static (string, int) Function(ModelGraph model, string name) =>
        model.Find(name)?.Layer is ActivationLayer a ? (a.Function, a.OpsPerElement) : ("not an activation", 0);
}
