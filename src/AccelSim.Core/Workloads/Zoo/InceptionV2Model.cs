namespace AccelSim.Workloads.Zoo;

/// <summary>
/// Inception v2 / BN-Inception (Ioffe and Szegedy, ICML 2015, Figure 5) at 224x224: GoogLeNet with every 5x5 replaced by two
/// 3x3s, average or max pooling per module as the figure lists, and the 28→14 and 14→7 reductions done inside modules 3c
/// and 4e (stride-2 3x3s beside a max pool, no 1x1 branch). "Same" padding throughout (112 → 56 → 28 → 14 → 7), as in
/// TF-slim's inception_v2, which is the network of the NASNet paper's comparison table the seeds quote (11.2 M, 1.94 B).
/// TF-slim makes the first conv depthwise-separable (7x7 depthwise with multiplier 8, then 1x1 to 64), which is what
/// gives 1.94 B; the dense 7x7 of the BN paper's figure (<c>separableStem: false</c>) costs 84 M MACs more.
/// </summary>
public static class InceptionV2Model
{
    /// <summary>Builds Inception v2; <paramref name="separableStem"/> makes conv1 a 7x7 depthwise (multiplier 8) + 1x1.</summary>
    public static ModelGraph Create(bool separableStem = true)
    {
        var b = new ModelBuilder(separableStem ? "inception-v2" : "bn-inception-dense-stem");
        b.Input(3, 224, 224);
        if (separableStem) b.Conv("conv1_7x7_dw", 24, 7, s: 2, g: 3).Conv("conv1_7x7", 64, 1, act: true);
        else b.Conv("conv1_7x7", 64, 7, s: 2, act: true);
        b.MaxPool("pool1", 3, 2, p: 1)
            .Conv("conv2_reduce", 64, 1, act: true).Conv("conv2_3x3", 192, 3, act: true).MaxPool("pool2", 3, 2, p: 1);
        Module(b, "inception3a", 64, 64, 64, 64, 96, true, 32);
        Module(b, "inception3b", 64, 64, 96, 64, 96, true, 64);
        Reduction(b, "inception3c", 128, 160, 64, 96);
        Module(b, "inception4a", 224, 64, 96, 96, 128, true, 128);
        Module(b, "inception4b", 192, 96, 128, 96, 128, true, 128);
        Module(b, "inception4c", 160, 128, 160, 128, 160, true, 128);
        Module(b, "inception4d", 96, 128, 192, 160, 192, true, 128);
        Reduction(b, "inception4e", 128, 192, 192, 256);
        Module(b, "inception5a", 352, 192, 320, 160, 224, true, 128);
        Module(b, "inception5b", 352, 192, 320, 192, 224, false, 128);
        return b.GlobalAvgPool("pool5").Fc("fc", 1000).Build();
    }

    // 1x1 | 1x1 → 3x3 | 1x1 → 3x3 → 3x3 | 3x3 pool (average or max) → 1x1.
    private static void Module(ModelBuilder b, string p, int c1, int r3, int c3, int rd, int cd, bool avgPool, int poolProj)
    {
        string input = b.Last;
        string x1 = b.From(input).Conv($"{p}_1x1", c1, 1, act: true).Last;
        string x3 = b.From(input).Conv($"{p}_3x3_reduce", r3, 1, act: true).Conv($"{p}_3x3", c3, 3, act: true).Last;
        string dbl = b.From(input).Conv($"{p}_double_3x3_reduce", rd, 1, act: true).Conv($"{p}_double_3x3_1", cd, 3, act: true)
            .Conv($"{p}_double_3x3_2", cd, 3, act: true).Last;
        b.From(input);
        if (avgPool) b.AvgPool($"{p}_pool", 3, 1, p: 1); else b.MaxPool($"{p}_pool", 3, 1, p: 1);
        string pool = b.Conv($"{p}_pool_proj", poolProj, 1, act: true).Last;
        b.Concat($"{p}_output", x1, x3, dbl, pool);
    }

    // Grid reduction: 1x1 → 3x3/2 | 1x1 → 3x3 → 3x3/2 | 3x3/2 max pool passed through.
    private static void Reduction(ModelBuilder b, string p, int r3, int c3, int rd, int cd)
    {
        string input = b.Last;
        string x3 = b.From(input).Conv($"{p}_3x3_reduce", r3, 1, act: true).Conv($"{p}_3x3", c3, 3, s: 2, act: true).Last;
        string dbl = b.From(input).Conv($"{p}_double_3x3_reduce", rd, 1, act: true).Conv($"{p}_double_3x3_1", cd, 3, act: true)
            .Conv($"{p}_double_3x3_2", cd, 3, s: 2, act: true).Last;
        string pool = b.From(input).MaxPool($"{p}_pool", 3, 2, p: 1).Last;
        b.Concat($"{p}_output", x3, dbl, pool);
    }
}
