namespace AccelSim.Workloads.Zoo;

/// <summary>
/// Inception v4 and Inception-ResNet v2 (Szegedy et al., AAAI 2017) at 299x299, module for module as TF-slim's
/// inception_v4 and inception_resnet_v2 (the authors' released models), for inference: the auxiliary classifier is
/// training-only and left out. "Valid" convs and pools where the paper's figures mark "V", "same" elsewhere.
/// </summary>
public static class InceptionV4Models
{
    /// <summary>Inception v4: stem, 4 × Inception-A, Reduction-A, 7 × Inception-B, Reduction-B, 3 × Inception-C.</summary>
    public static ModelGraph InceptionV4()
    {
        var b = new ModelBuilder("inception-v4");
        string stem = CommonStem(b).Last;
        string pool = b.From(stem).MaxPool("mixed3a_pool", 3, 2).Last;
        string conv = b.From(stem).Conv("mixed3a_3x3", 96, 3, s: 2, p: 0, act: true).Last;
        string mixed3a = b.Concat("mixed3a_output", pool, conv).Last;
        string left = b.Conv("mixed4a_b0_1x1", 64, 1, act: true).Conv("mixed4a_b0_3x3", 96, 3, p: 0, act: true).Last;
        string right = b.From(mixed3a).Conv("mixed4a_b1_1x1", 64, 1, act: true).Conv("mixed4a_b1_1x7", 64, 1, 7, true)
            .Conv("mixed4a_b1_7x1", 64, 7, 1, true).Conv("mixed4a_b1_3x3", 96, 3, p: 0, act: true).Last;
        string mixed4a = b.Concat("mixed4a_output", left, right).Last;
        conv = b.Conv("mixed5a_3x3", 192, 3, s: 2, p: 0, act: true).Last;
        pool = b.From(mixed4a).MaxPool("mixed5a_pool", 3, 2).Last;
        b.Concat("mixed5a_output", conv, pool);
        for (int i = 0; i < 4; i++) InceptionA(b, $"mixed5{(char)('b' + i)}");
        ReductionA(b, "mixed6a", 192, 224, 256, 384);
        for (int i = 0; i < 7; i++) InceptionB(b, $"mixed6{(char)('b' + i)}");
        ReductionB(b, "mixed7a");
        for (int i = 0; i < 3; i++) InceptionC(b, $"mixed7{(char)('b' + i)}");
        return b.GlobalAvgPool("pool").Fc("fc", 1000).Build();
    }

    /// <summary>
    /// Inception-ResNet v2: stem, Mixed_5b, 10 × block35, Reduction-A, 20 × block17, Reduction-B, 10 × block8 (the last
    /// without ReLU), a 1x1 conv to 1536. Each residual branch is scaled (0.17, 0.1, 0.2) before the add, folded here.
    /// </summary>
    public static ModelGraph InceptionResNetV2()
    {
        var b = new ModelBuilder("inception-resnet-v2");
        CommonStem(b).MaxPool("pool3a", 3, 2).Conv("conv3b_1x1", 80, 1, act: true)
            .Conv("conv4a_3x3", 192, 3, p: 0, act: true).MaxPool("pool5a", 3, 2);
        string input = b.Last;
        string x1 = b.From(input).Conv("mixed5b_b0_1x1", 96, 1, act: true).Last;
        string x5 = b.From(input).Conv("mixed5b_b1_1x1", 48, 1, act: true).Conv("mixed5b_b1_5x5", 64, 5, act: true).Last;
        string x3 = b.From(input).Conv("mixed5b_b2_1x1", 64, 1, act: true).Conv("mixed5b_b2_3x3a", 96, 3, act: true)
            .Conv("mixed5b_b2_3x3b", 96, 3, act: true).Last;
        string pool = b.From(input).AvgPool("mixed5b_pool", 3, 1, p: 1).Conv("mixed5b_b3_1x1", 64, 1, act: true).Last;
        b.Concat("mixed5b_output", x1, x5, x3, pool);
        for (int i = 1; i <= 10; i++)
            Residual(b, $"block35_{i}", relu: true, (p, x) =>
            [
                b.From(x).Conv($"{p}_b0_1x1", 32, 1, act: true).Last,
                b.From(x).Conv($"{p}_b1_1x1", 32, 1, act: true).Conv($"{p}_b1_3x3", 32, 3, act: true).Last,
                b.From(x).Conv($"{p}_b2_1x1", 32, 1, act: true).Conv($"{p}_b2_3x3a", 48, 3, act: true)
                    .Conv($"{p}_b2_3x3b", 64, 3, act: true).Last,
            ]);
        ReductionA(b, "mixed6a", 256, 256, 384, 384);
        for (int i = 1; i <= 20; i++)
            Residual(b, $"block17_{i}", relu: true, (p, x) =>
            [
                b.From(x).Conv($"{p}_b0_1x1", 192, 1, act: true).Last,
                b.From(x).Conv($"{p}_b1_1x1", 128, 1, act: true).Conv($"{p}_b1_1x7", 160, 1, 7, true)
                    .Conv($"{p}_b1_7x1", 192, 7, 1, true).Last,
            ]);
        input = b.Last;
        string r0 = b.From(input).Conv("mixed7a_b0_1x1", 256, 1, act: true).Conv("mixed7a_b0_3x3", 384, 3, s: 2, p: 0, act: true).Last;
        string r1 = b.From(input).Conv("mixed7a_b1_1x1", 256, 1, act: true).Conv("mixed7a_b1_3x3", 288, 3, s: 2, p: 0, act: true).Last;
        string r2 = b.From(input).Conv("mixed7a_b2_1x1", 256, 1, act: true).Conv("mixed7a_b2_3x3a", 288, 3, act: true)
            .Conv("mixed7a_b2_3x3b", 320, 3, s: 2, p: 0, act: true).Last;
        pool = b.From(input).MaxPool("mixed7a_pool", 3, 2).Last;
        b.Concat("mixed7a_output", r0, r1, r2, pool);
        for (int i = 1; i <= 10; i++)
            Residual(b, $"block8_{i}", relu: i < 10, (p, x) =>
            [
                b.From(x).Conv($"{p}_b0_1x1", 192, 1, act: true).Last,
                b.From(x).Conv($"{p}_b1_1x1", 192, 1, act: true).Conv($"{p}_b1_1x3", 224, 1, 3, true)
                    .Conv($"{p}_b1_3x1", 256, 3, 1, true).Last,
            ]);
        return b.Conv("conv7b_1x1", 1536, 1, act: true).GlobalAvgPool("pool").Fc("fc", 1000).Build();
    }

    // 299 → 149 → 147 → 147: the three convs both networks start with.
    private static ModelBuilder CommonStem(ModelBuilder b) =>
        b.Input(3, 299, 299).Conv("conv1a_3x3", 32, 3, s: 2, p: 0, act: true).Conv("conv2a_3x3", 32, 3, p: 0, act: true)
            .Conv("conv2b_3x3", 64, 3, act: true);

    // Branches on the block input, concat, a linear 1x1 back to the input width, add (and ReLU). The residual scaling
    // (0.17, 0.1, 0.2) multiplies the linear 1x1's output by a constant, so at inference it folds into that conv's
    // weights exactly as batch norm does: no layer of its own.
    private static void Residual(ModelBuilder b, string p, bool relu, Func<string, string, string[]> branches)
    {
        string input = b.Last;
        int width = b.Channels;
        b.Concat($"{p}_concat", branches(p, input)).Conv($"{p}_up", width, 1).AddTo($"{p}_add", input);
        if (relu) b.Act($"{p}_relu", "relu");
    }

    // 35x35: 1x1 96 | 1x1 64 → 3x3 96 | 1x1 64 → 3x3 96 → 3x3 96 | avg pool → 1x1 96.
    private static void InceptionA(ModelBuilder b, string p)
    {
        string input = b.Last;
        string x1 = b.From(input).Conv($"{p}_b0_1x1", 96, 1, act: true).Last;
        string x3 = b.From(input).Conv($"{p}_b1_1x1", 64, 1, act: true).Conv($"{p}_b1_3x3", 96, 3, act: true).Last;
        string dbl = b.From(input).Conv($"{p}_b2_1x1", 64, 1, act: true).Conv($"{p}_b2_3x3a", 96, 3, act: true)
            .Conv($"{p}_b2_3x3b", 96, 3, act: true).Last;
        string pool = b.From(input).AvgPool($"{p}_pool", 3, 1, p: 1).Conv($"{p}_b3_1x1", 96, 1, act: true).Last;
        b.Concat($"{p}_output", x1, x3, dbl, pool);
    }

    // 35 → 17 (the paper's Table 1 filter counts k, l, m, n): 3x3/2 n | 1x1 k → 3x3 l → 3x3/2 m | 3x3/2 max pool.
    private static void ReductionA(ModelBuilder b, string p, int k, int l, int m, int n)
    {
        string input = b.Last;
        string x3 = b.From(input).Conv($"{p}_b0_3x3", n, 3, s: 2, p: 0, act: true).Last;
        string dbl = b.From(input).Conv($"{p}_b1_1x1", k, 1, act: true).Conv($"{p}_b1_3x3a", l, 3, act: true)
            .Conv($"{p}_b1_3x3b", m, 3, s: 2, p: 0, act: true).Last;
        string pool = b.From(input).MaxPool($"{p}_pool", 3, 2).Last;
        b.Concat($"{p}_output", x3, dbl, pool);
    }

    // 17x17: 1x1 384 | 1x1 192 → 1x7 224 → 7x1 256 | 1x1 192 → 7x1 192 → 1x7 224 → 7x1 224 → 1x7 256 | avg pool → 1x1 128.
    private static void InceptionB(ModelBuilder b, string p)
    {
        string input = b.Last;
        string x1 = b.From(input).Conv($"{p}_b0_1x1", 384, 1, act: true).Last;
        string x7 = b.From(input).Conv($"{p}_b1_1x1", 192, 1, act: true).Conv($"{p}_b1_1x7", 224, 1, 7, true)
            .Conv($"{p}_b1_7x1", 256, 7, 1, true).Last;
        string dbl = b.From(input).Conv($"{p}_b2_1x1", 192, 1, act: true).Conv($"{p}_b2_7x1a", 192, 7, 1, true)
            .Conv($"{p}_b2_1x7a", 224, 1, 7, true).Conv($"{p}_b2_7x1b", 224, 7, 1, true).Conv($"{p}_b2_1x7b", 256, 1, 7, true).Last;
        string pool = b.From(input).AvgPool($"{p}_pool", 3, 1, p: 1).Conv($"{p}_b3_1x1", 128, 1, act: true).Last;
        b.Concat($"{p}_output", x1, x7, dbl, pool);
    }

    // 17 → 8: 1x1 192 → 3x3/2 192 | 1x1 256 → 1x7 256 → 7x1 320 → 3x3/2 320 | 3x3/2 max pool.
    private static void ReductionB(ModelBuilder b, string p)
    {
        string input = b.Last;
        string x3 = b.From(input).Conv($"{p}_b0_1x1", 192, 1, act: true).Conv($"{p}_b0_3x3", 192, 3, s: 2, p: 0, act: true).Last;
        string x7 = b.From(input).Conv($"{p}_b1_1x1", 256, 1, act: true).Conv($"{p}_b1_1x7", 256, 1, 7, true)
            .Conv($"{p}_b1_7x1", 320, 7, 1, true).Conv($"{p}_b1_3x3", 320, 3, s: 2, p: 0, act: true).Last;
        string pool = b.From(input).MaxPool($"{p}_pool", 3, 2).Last;
        b.Concat($"{p}_output", x3, x7, pool);
    }

    // 8x8: 1x1 256 | 1x1 384 → (1x3 256, 3x1 256) | 1x1 384 → 3x1 448 → 1x3 512 → (1x3 256, 3x1 256) | avg pool → 1x1 256.
    private static void InceptionC(ModelBuilder b, string p)
    {
        string input = b.Last;
        string x1 = b.From(input).Conv($"{p}_b0_1x1", 256, 1, act: true).Last;
        string r = b.From(input).Conv($"{p}_b1_1x1", 384, 1, act: true).Last;
        string ra = b.From(r).Conv($"{p}_b1_1x3", 256, 1, 3, true).Last;
        string rb = b.From(r).Conv($"{p}_b1_3x1", 256, 3, 1, true).Last;
        string d = b.From(input).Conv($"{p}_b2_1x1", 384, 1, act: true).Conv($"{p}_b2_3x1", 448, 3, 1, true)
            .Conv($"{p}_b2_1x3", 512, 1, 3, true).Last;
        string da = b.From(d).Conv($"{p}_b2_1x3b", 256, 1, 3, true).Last;
        string db = b.From(d).Conv($"{p}_b2_3x1b", 256, 3, 1, true).Last;
        string pool = b.From(input).AvgPool($"{p}_pool", 3, 1, p: 1).Conv($"{p}_b3_1x1", 256, 1, act: true).Last;
        b.Concat($"{p}_output", x1, ra, rb, da, db, pool);
    }
}
