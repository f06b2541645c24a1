namespace AccelSim.Workloads.Zoo;

/// <summary>
/// GoogLeNet / Inception v1 (Szegedy et al., CVPR 2015, Table 1) for inference: the auxiliary classifiers are training-only
/// and left out; pools use Caffe's ceil mode so 112 → 56 → 28 → 14 → 7 as in the paper (Table 1, ~1.5 G multiply-adds).
/// With <c>ceilPooling: false</c> the grids are 112 → 55 → 27 → 13 → 6: that variant reproduces the 1.43 G MACs that
/// lecture summary tables quote (see docs/model-zoo.md).
/// </summary>
public static class GoogLeNetModel
{
    /// <summary>Builds GoogLeNet; <paramref name="ceilPooling"/> false gives the floor-pooling variant of lecture tables.</summary>
    public static ModelGraph Create(bool ceilPooling = true)
    {
        bool ceil = ceilPooling;
        var b = new ModelBuilder(ceilPooling ? "googlenet" : "googlenet-floor-pooling");
        b.Input(3, 224, 224)
            .Conv("conv1", 64, 7, s: 2, act: true).MaxPool("pool1", 3, 2, ceil: ceil).Act("norm1", "lrn", 5)
            .Conv("conv2_reduce", 64, 1, act: true).Conv("conv2", 192, 3, act: true).Act("norm2", "lrn", 5)
            .MaxPool("pool2", 3, 2, ceil: ceil);
        Inception(b, "3a", 64, 96, 128, 16, 32, 32);
        Inception(b, "3b", 128, 128, 192, 32, 96, 64);
        b.MaxPool("pool3", 3, 2, ceil: ceil);
        Inception(b, "4a", 192, 96, 208, 16, 48, 64);
        Inception(b, "4b", 160, 112, 224, 24, 64, 64);
        Inception(b, "4c", 128, 128, 256, 24, 64, 64);
        Inception(b, "4d", 112, 144, 288, 32, 64, 64);
        Inception(b, "4e", 256, 160, 320, 32, 128, 128);
        b.MaxPool("pool4", 3, 2, ceil: ceil);
        Inception(b, "5a", 256, 160, 320, 32, 128, 128);
        Inception(b, "5b", 384, 192, 384, 48, 128, 128);
        return b.GlobalAvgPool("pool5").Fc("fc", 1000).Build();
    }

    /// <summary>
    /// One inception module: 1x1; 1x1 reduce → 3x3; 1x1 reduce → 5x5; 3x3/1 max pool → 1x1 projection; concatenated.
    /// </summary>
    public static ModelBuilder Inception(ModelBuilder b, string id, int c1, int r3, int c3, int r5, int c5, int pool)
    {
        string input = b.Last, p = $"inception{id}";
        b.From(input).Conv($"{p}_1x1", c1, 1, act: true);
        string branch1 = b.Last;
        b.From(input).Conv($"{p}_3x3_reduce", r3, 1, act: true).Conv($"{p}_3x3", c3, 3, act: true);
        string branch3 = b.Last;
        b.From(input).Conv($"{p}_5x5_reduce", r5, 1, act: true).Conv($"{p}_5x5", c5, 5, act: true);
        string branch5 = b.Last;
        b.From(input).MaxPool($"{p}_pool", 3, 1, p: 1).Conv($"{p}_pool_proj", pool, 1, act: true);
        return b.Concat($"{p}_output", branch1, branch3, branch5, b.Last);
    }
}
