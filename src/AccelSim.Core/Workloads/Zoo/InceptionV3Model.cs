namespace AccelSim.Workloads.Zoo;

/// <summary>
/// Inception v3 (Szegedy et al., CVPR 2016) at 299x299, module for module as torchvision's inception_v3 (Mixed_5b … Mixed_7c)
/// for inference: the auxiliary classifier is training-only and left out.
/// </summary>
public static class InceptionV3Model
{
    /// <summary>Builds Inception v3.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("inception-v3");
        b.Input(3, 299, 299)
            .Conv("conv1a_3x3", 32, 3, s: 2, p: 0, act: true)
            .Conv("conv2a_3x3", 32, 3, p: 0, act: true)
            .Conv("conv2b_3x3", 64, 3, act: true).MaxPool("pool1", 3, 2)
            .Conv("conv3b_1x1", 80, 1, act: true)
            .Conv("conv4a_3x3", 192, 3, p: 0, act: true).MaxPool("pool2", 3, 2);
        ModuleA(b, "mixed5b", 32);
        ModuleA(b, "mixed5c", 64);
        ModuleA(b, "mixed5d", 64);
        ModuleB(b, "mixed6a");
        ModuleC(b, "mixed6b", 128);
        ModuleC(b, "mixed6c", 160);
        ModuleC(b, "mixed6d", 160);
        ModuleC(b, "mixed6e", 192);
        ModuleD(b, "mixed7a");
        ModuleE(b, "mixed7b");
        ModuleE(b, "mixed7c");
        return b.GlobalAvgPool("pool3").Fc("fc", 1000).Build();
    }

    // 35x35 module: 1x1 | 1x1 → 5x5 | 1x1 → 3x3 → 3x3 | avg pool → 1x1.
    private static void ModuleA(ModelBuilder b, string p, int poolFeatures)
    {
        string input = b.Last;
        string x1 = b.From(input).Conv($"{p}_1x1", 64, 1, act: true).Last;
        string x5 = b.From(input).Conv($"{p}_5x5_1", 48, 1, act: true).Conv($"{p}_5x5_2", 64, 5, act: true).Last;
        string x3 = b.From(input).Conv($"{p}_3x3dbl_1", 64, 1, act: true).Conv($"{p}_3x3dbl_2", 96, 3, act: true)
            .Conv($"{p}_3x3dbl_3", 96, 3, act: true).Last;
        string pool = b.From(input).AvgPool($"{p}_pool", 3, 1, p: 1).Conv($"{p}_pool_proj", poolFeatures, 1, act: true).Last;
        b.Concat($"{p}_output", x1, x5, x3, pool);
    }

    // 35 → 17 grid reduction.
    private static void ModuleB(ModelBuilder b, string p)
    {
        string input = b.Last;
        string x3 = b.From(input).Conv($"{p}_3x3", 384, 3, s: 2, p: 0, act: true).Last;
        string dbl = b.From(input).Conv($"{p}_3x3dbl_1", 64, 1, act: true).Conv($"{p}_3x3dbl_2", 96, 3, act: true)
            .Conv($"{p}_3x3dbl_3", 96, 3, s: 2, p: 0, act: true).Last;
        string pool = b.From(input).MaxPool($"{p}_pool", 3, 2).Last;
        b.Concat($"{p}_output", x3, dbl, pool);
    }

    // 17x17 module with factorised 7x7 convolutions (1x7 then 7x1).
    private static void ModuleC(ModelBuilder b, string p, int c7)
    {
        string input = b.Last;
        string x1 = b.From(input).Conv($"{p}_1x1", 192, 1, act: true).Last;
        string x7 = b.From(input).Conv($"{p}_7x7_1", c7, 1, act: true).Conv($"{p}_7x7_2", c7, 1, 7, true)
            .Conv($"{p}_7x7_3", 192, 7, 1, true).Last;
        string dbl = b.From(input).Conv($"{p}_7x7dbl_1", c7, 1, act: true).Conv($"{p}_7x7dbl_2", c7, 7, 1, true)
            .Conv($"{p}_7x7dbl_3", c7, 1, 7, true).Conv($"{p}_7x7dbl_4", c7, 7, 1, true)
            .Conv($"{p}_7x7dbl_5", 192, 1, 7, true).Last;
        string pool = b.From(input).AvgPool($"{p}_pool", 3, 1, p: 1).Conv($"{p}_pool_proj", 192, 1, act: true).Last;
        b.Concat($"{p}_output", x1, x7, dbl, pool);
    }

    // 17 → 8 grid reduction.
    private static void ModuleD(ModelBuilder b, string p)
    {
        string input = b.Last;
        string x3 = b.From(input).Conv($"{p}_3x3_1", 192, 1, act: true).Conv($"{p}_3x3_2", 320, 3, s: 2, p: 0, act: true).Last;
        string x7 = b.From(input).Conv($"{p}_7x7x3_1", 192, 1, act: true).Conv($"{p}_7x7x3_2", 192, 1, 7, true)
            .Conv($"{p}_7x7x3_3", 192, 7, 1, true).Conv($"{p}_7x7x3_4", 192, 3, s: 2, p: 0, act: true).Last;
        string pool = b.From(input).MaxPool($"{p}_pool", 3, 2).Last;
        b.Concat($"{p}_output", x3, x7, pool);
    }

    // 8x8 module with expanded filter banks (1x3 and 3x1 side by side).
    private static void ModuleE(ModelBuilder b, string p)
    {
        string input = b.Last;
        string x1 = b.From(input).Conv($"{p}_1x1", 320, 1, act: true).Last;
        string r3 = b.From(input).Conv($"{p}_3x3_1", 384, 1, act: true).Last;
        string a = b.From(r3).Conv($"{p}_3x3_2a", 384, 1, 3, true).Last;
        string c = b.From(r3).Conv($"{p}_3x3_2b", 384, 3, 1, true).Last;
        string d3 = b.From(input).Conv($"{p}_3x3dbl_1", 448, 1, act: true).Conv($"{p}_3x3dbl_2", 384, 3, act: true).Last;
        string da = b.From(d3).Conv($"{p}_3x3dbl_3a", 384, 1, 3, true).Last;
        string dc = b.From(d3).Conv($"{p}_3x3dbl_3b", 384, 3, 1, true).Last;
        string pool = b.From(input).AvgPool($"{p}_pool", 3, 1, p: 1).Conv($"{p}_pool_proj", 192, 1, act: true).Last;
        b.Concat($"{p}_output", x1, a, c, da, dc, pool);
    }
}
