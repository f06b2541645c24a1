namespace AccelSim.Workloads.Zoo;

/// <summary>
/// EfficientNet-B0 (Tan and Le, ICML 2019, Table 1): MBConv blocks with swish and squeeze-excite. The SE reduces to
/// ¼ of the block's input channels (not of the expanded ones), as the reference implementation does.
/// </summary>
public static class EfficientNetModel
{
    // (expansion, kernel, first stride, output channels, repeats) per stage.
    private static readonly (int E, int K, int S, int C, int N)[] Stages =
        [(1, 3, 1, 16, 1), (6, 3, 2, 24, 2), (6, 5, 2, 40, 2), (6, 3, 2, 80, 3), (6, 5, 1, 112, 3), (6, 5, 2, 192, 4), (6, 3, 1, 320, 1)];

    /// <summary>Builds EfficientNet-B0.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("efficientnet-b0") { Activation = "swish" };
        b.Input(3, 224, 224).Conv("stem", 32, 3, s: 2, act: true);
        int block = 0;
        foreach (var (e, k, s, c, n) in Stages)
            for (int i = 0; i < n; i++)
            {
                string p = $"block{++block}", input = b.Last;
                int inChannels = b.Channels, stride = i == 0 ? s : 1;
                if (e != 1) b.Conv($"{p}_expand", inChannels * e, 1, act: true);
                b.Depthwise($"{p}_dw", k, stride, act: true)
                    .SqueezeExcite(p, Math.Max(1, inChannels / 4), "swish", "sigmoid")
                    .Conv($"{p}_project", c, 1);
                if (stride == 1 && inChannels == c) b.AddTo($"{p}_add", input);
            }
        return b.Conv("head", 1280, 1, act: true).GlobalAvgPool("pool").Fc("fc", 1000).Build();
    }
}
