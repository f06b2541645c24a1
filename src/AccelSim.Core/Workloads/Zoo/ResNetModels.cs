namespace AccelSim.Workloads.Zoo;

/// <summary>
/// The residual family: ResNet-18/34/50/101/152 (He et al., CVPR 2016), ResNet-50 v1.5, ResNeXt-50 32x4d (Xie et al., CVPR
/// 2017), ResNeXt-101 64x4d, Wide ResNet-50-2 (Zagoruyko and Komodakis, BMVC 2016) and SE-ResNet-50 (Hu et al., CVPR 2018).
/// Batch norm is folded into the convs (inference), so no BN layers appear.
/// </summary>
public static class ResNetModels
{
    private static readonly int[] StageWidths = [64, 128, 256, 512];

    /// <summary>ResNet-18 (basic blocks 2-2-2-2).</summary>
    public static ModelGraph ResNet18() => Basic("resnet18", [2, 2, 2, 2]);

    /// <summary>ResNet-34 (basic blocks 3-4-6-3).</summary>
    public static ModelGraph ResNet34() => Basic("resnet34", [3, 4, 6, 3]);

    /// <summary>ResNet-50 as in the paper (Caffe's original): the stride-2 of a stage sits in the bottleneck's first 1x1.</summary>
    public static ModelGraph ResNet50() => Bottleneck("resnet50", [3, 4, 6, 3], new BottleneckStyle());

    /// <summary>ResNet-50 v1.5 (torchvision, NVIDIA): the stride-2 sits in the 3x3, which costs more MACs but is more accurate.</summary>
    public static ModelGraph ResNet50V15() => Bottleneck("resnet50-v1.5", [3, 4, 6, 3], new BottleneckStyle(StrideOn3x3: true));

    /// <summary>ResNet-101, original variant (stride in the first 1x1), as in the paper's Table 1.</summary>
    public static ModelGraph ResNet101() => Bottleneck("resnet101", [3, 4, 23, 3], new BottleneckStyle());

    /// <summary>ResNet-152, original variant (stride in the first 1x1), as in the paper's Table 1.</summary>
    public static ModelGraph ResNet152() => Bottleneck("resnet152", [3, 8, 36, 3], new BottleneckStyle());

    /// <summary>ResNeXt-50 32x4d: 32 groups of 4 channels in the first stage's 3x3 (width doubled per stage), stride in the 3x3.</summary>
    public static ModelGraph ResNeXt50() =>
        Bottleneck("resnext50-32x4d", [3, 4, 6, 3], new BottleneckStyle(StrideOn3x3: true, Groups: 32, WidthFactor: 2));

    /// <summary>
    /// ResNeXt-101 64x4d at 320x320, the resolution of the comparison table the seeds quote (NASNet paper, Table 2):
    /// 64 groups of 4 channels in the first stage's 3x3, stride in the 3x3 as in torchvision's resnext101_64x4d.
    /// </summary>
    public static ModelGraph ResNeXt101() =>
        Bottleneck("resnext101-64x4d", [3, 4, 23, 3], new BottleneckStyle(StrideOn3x3: true, Groups: 64, WidthFactor: 4), resolution: 320);

    /// <summary>Wide ResNet-50-2: bottleneck widths doubled (outputs unchanged), stride in the 3x3 as in torchvision.</summary>
    public static ModelGraph WideResNet50() =>
        Bottleneck("wide-resnet50-2", [3, 4, 6, 3], new BottleneckStyle(StrideOn3x3: true, WidthFactor: 2));

    /// <summary>SE-ResNet-50: the original ResNet-50 with a squeeze-and-excitation gate (reduction 16) before every residual add.</summary>
    public static ModelGraph SeResNet50() => Bottleneck("se-resnet50", [3, 4, 6, 3], new BottleneckStyle(SeReduction: 16));

    /// <summary>How a bottleneck is drawn: where the stride goes, 3x3 groups, width multiplier, SE reduction (0 = none).</summary>
    private sealed record BottleneckStyle(bool StrideOn3x3 = false, int Groups = 1, int WidthFactor = 1, int SeReduction = 0);

    private static ModelBuilder Stem(string name, int resolution = 224)
    {
        var b = new ModelBuilder(name);
        return b.Input(3, resolution, resolution).Conv("conv1", 64, 7, s: 2, act: true).MaxPool("pool1", 3, 2, p: 1);
    }

    private static ModelGraph Basic(string name, int[] blocks)
    {
        var b = Stem(name);
        for (int stage = 0; stage < 4; stage++)
            for (int i = 0; i < blocks[stage]; i++)
            {
                string p = $"res{stage + 2}{(char)('a' + i)}", input = b.Last;
                int width = StageWidths[stage], stride = stage > 0 && i == 0 ? 2 : 1;
                string shortcut = Shortcut(b, p, input, width, stride);
                b.From(input).Conv($"{p}_branch2a", width, 3, s: stride, act: true).Conv($"{p}_branch2b", width, 3)
                    .AddTo($"{p}_add", shortcut).Act($"{p}_relu", "relu");
            }
        return Head(b);
    }

    private static ModelGraph Bottleneck(string name, int[] blocks, BottleneckStyle style, int resolution = 224)
    {
        var b = Stem(name, resolution);
        for (int stage = 0; stage < 4; stage++)
            for (int i = 0; i < blocks[stage]; i++)
            {
                string p = $"res{stage + 2}{BlockSuffix(i, blocks[stage])}", input = b.Last;
                int width = StageWidths[stage] * style.WidthFactor, output = StageWidths[stage] * 4;
                int stride = stage > 0 && i == 0 ? 2 : 1;
                string shortcut = Shortcut(b, p, input, output, stride);
                b.From(input)
                    .Conv($"{p}_branch2a", width, 1, s: style.StrideOn3x3 ? 1 : stride, act: true)
                    .Conv($"{p}_branch2b", width, 3, s: style.StrideOn3x3 ? stride : 1, g: style.Groups, act: true)
                    .Conv($"{p}_branch2c", output, 1);
                if (style.SeReduction > 0) b.SqueezeExcite(p, output / style.SeReduction);
                b.AddTo($"{p}_add", shortcut).Act($"{p}_relu", "relu");
            }
        return Head(b);
    }

    // Identity when the shape is kept, otherwise a strided 1x1 projection (option B of the paper).
    private static string Shortcut(ModelBuilder b, string p, string input, int channels, int stride)
    {
        if (stride == 1 && b.ShapeOf(input).Channels == channels) return input;
        return b.From(input).Conv($"{p}_branch1", channels, 1, s: stride).Last;
    }

    // Caffe names blocks a, b, c …; deep stages (ResNet-101/152) use a, b1, b2 … as the released prototxts do.
    private static string BlockSuffix(int index, int count) =>
        count <= 6 ? ((char)('a' + index)).ToString() : index == 0 ? "a" : $"b{index}";

    private static ModelGraph Head(ModelBuilder b) => b.GlobalAvgPool("pool5").Fc("fc", 1000).Build();
}
