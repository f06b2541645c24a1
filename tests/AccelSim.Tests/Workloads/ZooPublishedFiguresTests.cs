using AccelSim.Workloads;
using AccelSim.Workloads.Layers;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Workloads;

/// <summary>
/// Every other zoo model against its widely published parameter count (±2%) and MAC count (±3%). Sources are cited per
/// row and in docs/model-zoo.md; published parameter counts include biases and batch-norm affine terms, ours do not.
/// </summary>
public class ZooPublishedFiguresTests
{
    public static TheoryData<string, double, double, string> Published => new()
    {
        { "overfeat-fast", 145e6, 2.81e9, "Sermanet et al. 2014 Table 4 (fast model: 145 M parameters, 2810 M connections)" },
        { "shufflenet-v1-2.0-g3", 5.4e6, 524e6, "megvii-model/ShuffleNet-Series ShuffleNetV1 2.0x group 3 (5.4 M, 524 M FLOPs)" },
        { "zfnet", 108e6, 2.47e9, "seed 003 comparison table (Zeiler & Fergus ImageNet model)" },
        { "vgg19", 143.667240e6, 19.63e9, "torchvision vgg19" },
        { "inception-v3", 23.851784e6, 5.71e9, "Keras InceptionV3 (no aux head) params; torchvision inception_v3 GFLOPS" },
        { "inception-v4", 42.7e6, 12.3e9, "timm inception_v4.tf_in1k model card (TF-slim weights via Cadene): 42.7 M, 12.3 GMACs" },
        { "resnet18", 11.689512e6, 1.81e9, "torchvision resnet18" },
        { "resnet34", 21.797672e6, 3.66e9, "torchvision resnet34" },
        { "resnet50-v1.5", 25.557032e6, 4.09e9, "torchvision resnet50 (v1.5)" },
        { "resnet101", 44.549160e6, 7.6e9, "torchvision resnet101 params; He et al. 2016 Table 1 FLOPs (original variant)" },
        { "resnet152", 60.192808e6, 11.3e9, "torchvision resnet152 params; He et al. 2016 Table 1 FLOPs (original variant)" },
        { "resnext50-32x4d", 25.028904e6, 4.23e9, "torchvision resnext50_32x4d" },
        { "wide-resnet50-2", 68.883240e6, 11.4e9, "torchvision wide_resnet50_2" },
        { "se-resnet50", 28.09e6, 3.87e9, "Hu et al. 2018 (SENet) Table 2" },
        { "squeezenet1.0", 1.248424e6, 0.82e9, "torchvision squeezenet1_0" },
        { "squeezenet1.1", 1.235496e6, 0.35e9, "torchvision squeezenet1_1" },
        { "mobilenet-v2", 3.504872e6, 0.300e9, "torchvision mobilenet_v2 params; Sandler et al. 2018 Table 4 (300M MAdds)" },
        { "mobilenet-v3-large", 5.4e6, 219e6, "Howard et al. 2019 Table 3" },
        { "shufflenet-v2-1.0", 2.278604e6, 146e6, "torchvision shufflenet_v2_x1_0 params; Ma et al. 2018 Table 8 (146M FLOPs)" },
        { "xception", 22.855952e6, 8.4e9, "Chollet 2017 Table 3 params; 8.4 G mult-adds as quoted by benchmark surveys" },
        { "densenet121", 7.978856e6, 2.83e9, "torchvision densenet121" },
        { "efficientnet-b0", 5.3e6, 0.39e9, "Tan & Le 2019 Table 2" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void MatchesPublishedFigures(string name, double parameters, double macs, string source)
    {
        var s = ModelSummary.Of(ModelZoo.Get(name));
        Figures.Within(parameters, s.Weights, 0.02, $"{name} parameters ({source})");
        Figures.Within(macs, s.Macs, 0.03, $"{name} MACs ({source})");
    }

    // One BERT-base encoder layer has no separately published total; its figures follow from the paper's dimensions:
    // 4·768² attention projections + 2·768·3072 FFN weights, and seq·weights + 2·seq²·768 attention MACs.
    [Theory]
    [InlineData("bert-base-encoder", 128)]
    [InlineData("bert-base-encoder-512", 512)]
    [InlineData("bert-base-encoder-64", 64)]
    public void BertEncoderLayer(string name, int sequence)
    {
        var model = ModelZoo.Get(name);
        long weights = 4L * 768 * 768 + 2L * 768 * 3072;
        Assert.Equal(7_077_888, weights);
        Assert.Equal(weights, model.TotalWeights);
        Assert.Equal(weights * sequence + 2L * sequence * sequence * 768, model.TotalMacs);
        var scores = model.Find("scores")!;
        Assert.Equal(new ProblemShape(sequence, 12, sequence, 64, 1, 1, 1, 1), scores.Problem);
        Assert.Equal(0, scores.Weights);
        Assert.Equal(new FeatureMap(768, sequence, 1), model.Find("context")!.Output);
    }

    // NIN-Imagenet as released for Caffe (no published totals): every conv from the prototxt's layer table, exactly.
    // (kernel, input channels, output channels, output size): conv1 224 → 54, pools 54 → 27 → 13 → 6, then a 6x6 average.
    [Fact]
    public void NetworkInNetworkMatchesTheReleasedPrototxt()
    {
        (string Layer, int K, int C, int M, int P)[] table =
        [
            ("conv1", 11, 3, 96, 54), ("cccp1", 1, 96, 96, 54), ("cccp2", 1, 96, 96, 54),
            ("conv2", 5, 96, 256, 27), ("cccp3", 1, 256, 256, 27), ("cccp4", 1, 256, 256, 27),
            ("conv3", 3, 256, 384, 13), ("cccp5", 1, 384, 384, 13), ("cccp6", 1, 384, 384, 13),
            ("conv4-1024", 3, 384, 1024, 6), ("cccp7-1024", 1, 1024, 1024, 6), ("cccp8-1024", 1, 1024, 1000, 6),
        ];
        var model = ModelZoo.Get("nin");
        foreach (var (layer, k, c, m, p) in table)
        {
            long weights = (long)k * k * c * m;
            var node = model.Find(layer)!;
            Assert.Equal((layer, weights, weights * p * p), (layer, node.Weights, node.Macs));
        }
        Assert.Equal(table.Length, model.Layers.Count(l => l.Kind == LayerKind.Conv));
        Assert.Equal(new FeatureMap(1000, 1, 1), model.Layers[^1].Output);
        Assert.Equal(7_589_920, model.TotalWeights);
    }

    // The grids of the paper's Figures 9 and 15: 35x35x384 → 17x17x1024 → 8x8x1536 (v4); 35x35x320 → 17x17x1088 → 8x8x2080.
    [Theory]
    [InlineData("inception-v4", "mixed5a_output", 384, 35, "mixed6a_output", 1024, 17, "mixed7a_output", 1536, 8)]
    [InlineData("inception-resnet-v2", "mixed5b_output", 320, 35, "mixed6a_output", 1088, 17, "mixed7a_output", 2080, 8)]
    public void InceptionV4GridsMatchThePaper(string name, string a, int ca, int ha, string b, int cb, int hb, string c, int cc, int hc)
    {
        var model = ModelZoo.Get(name);
        Assert.Equal(new FeatureMap(ca, ha, ha), model.Find(a)!.Output);
        Assert.Equal(new FeatureMap(cb, hb, hb), model.Find(b)!.Output);
        Assert.Equal(new FeatureMap(cc, hc, hc), model.Find(c)!.Output);
    }

    // NASNet-A Mobile's cell grids (111 → 56 → 28 → 14 → 7; 6 × filters out of a normal cell, 4 × of a reduction cell) and
    // the padding TensorFlow uses: stride-2 ops pad (0, 1) on even grids, the factorized reduction's second path is shifted.
    [Fact]
    public void NasNetMobileCellsAndPadding()
    {
        var model = ModelZoo.Get("nasnet-a-mobile");
        (string Cell, int C, int H)[] cells =
        [
            ("stem_conv1", 32, 111), ("stem_1_concat", 44, 56), ("stem_2_concat", 88, 28), ("normal_3_concat", 264, 28),
            ("reduce_4_concat", 352, 14), ("normal_8_concat", 528, 14), ("reduce_8_concat", 704, 7), ("normal_12_concat", 1056, 7),
        ];
        foreach (var (cell, c, h) in cells) Assert.Equal((cell, new FeatureMap(c, h, h)), (cell, model.Find(cell)!.Output));
        var odd = (ConvLayer)model.Find("stem_1_left1_sep1_dw")!.Layer;
        var even = (ConvLayer)model.Find("stem_2_left1_sep1_dw")!.Layer;
        Assert.Equal(Window.Square(5, 2, 2), odd.Window);
        Assert.Equal(Window.Padded(5, 5, 2, 2, 1, 2, 1, 2), even.Window);
        var shifted = (PoolLayer)model.Find("stem_2_adjust_pool_2")!.Layer;
        Assert.Equal(Window.Padded(1, 1, 2, 2, -1, 1, -1, 1), shifted.Window);
        Assert.Equal(model.Find("stem_2_adjust_pool_1")!.Output, model.Find("stem_2_adjust_pool_2")!.Output);
    }

    [Fact]
    public void ResNet50VariantsDifferOnlyInWhereTheStrideSits()
    {
        var original = ModelZoo.Get("resnet50");
        var v15 = ModelZoo.Get("resnet50-v1.5");
        Assert.Equal(original.TotalWeights, v15.TotalWeights);
        Assert.Equal(2, original.Find("res3a_branch2a")!.Problem!.StrideH);
        Assert.Equal(1, original.Find("res3a_branch2b")!.Problem!.StrideH);
        Assert.Equal(1, v15.Find("res3a_branch2a")!.Problem!.StrideH);
        Assert.Equal(2, v15.Find("res3a_branch2b")!.Problem!.StrideH);
        Assert.True(v15.TotalMacs > original.TotalMacs);
    }

    [Fact]
    public void UnknownNameSuggestsTheNearestOnes()
    {
        var e = Assert.Throws<AccelSim.Common.InputException>(() => ModelZoo.Get("resnet51"));
        Assert.Contains("unknown model 'resnet51'", e.Message);
        Assert.Contains("did you mean resnet50", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void ListedNamesAreLowerCaseAndUnique()
    {
        var names = ModelZoo.Names.ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Equal(n.ToLowerInvariant(), n));
        Assert.All(ModelZoo.Entries, e => Assert.Equal(e.Name, e.Create().Name));
    }
}
