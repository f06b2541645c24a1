namespace AccelSim.Workloads.Zoo;

/// <summary>
/// MobileNetV3-Large 1.0-224 (Howard et al., ICCV 2019, Table 1): inverted residuals with optional squeeze-excite
/// (reduce to ⌈exp/4⌉ rounded to 8, ReLU, hard-sigmoid gate) and hard-swish in the later half.
/// </summary>
public static class MobileNetV3Model
{
    // (kernel, expansion size, output channels, SE, hard-swish, stride) per bneck block.
    private static readonly (int K, int Exp, int Out, bool Se, bool Hs, int S)[] Blocks =
    [
        (3, 16, 16, false, false, 1), (3, 64, 24, false, false, 2), (3, 72, 24, false, false, 1),
        (5, 72, 40, true, false, 2), (5, 120, 40, true, false, 1), (5, 120, 40, true, false, 1),
        (3, 240, 80, false, true, 2), (3, 200, 80, false, true, 1), (3, 184, 80, false, true, 1), (3, 184, 80, false, true, 1),
        (3, 480, 112, true, true, 1), (3, 672, 112, true, true, 1),
        (5, 672, 160, true, true, 2), (5, 960, 160, true, true, 1), (5, 960, 160, true, true, 1),
    ];

    /// <summary>Builds MobileNetV3-Large.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("mobilenet-v3-large") { Activation = "hswish" };
        b.Input(3, 224, 224).Conv("conv1", 16, 3, s: 2, act: true);
        for (int i = 0; i < Blocks.Length; i++)
        {
            var (k, exp, output, se, hs, s) = Blocks[i];
            string p = $"bneck{i + 1}", input = b.Last;
            int inChannels = b.Channels;
            b.Activation = hs ? "hswish" : "relu";
            if (exp != inChannels) b.Conv($"{p}_expand", exp, 1, act: true);
            b.Depthwise($"{p}_dw", k, s, act: true);
            if (se) b.SqueezeExcite(p, MakeDivisible(exp / 4), "relu", "hsigmoid");
            b.Conv($"{p}_project", output, 1);
            if (s == 1 && inChannels == output) b.AddTo($"{p}_add", input);
        }
        b.Activation = "hswish";
        return b.Conv("conv_last", 960, 1, act: true).GlobalAvgPool("pool")
            .Fc("fc1", 1280, act: true).Fc("fc2", 1000).Build();
    }

    // The reference code rounds channel counts to a multiple of 8, never dropping more than 10%.
    internal static int MakeDivisible(double value, int divisor = 8)
    {
        int rounded = Math.Max(divisor, (int)(value + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }
}
