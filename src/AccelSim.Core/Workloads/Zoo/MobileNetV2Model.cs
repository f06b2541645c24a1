namespace AccelSim.Workloads.Zoo;

/// <summary>MobileNetV2 1.0-224 (Sandler et al., CVPR 2018): inverted residual blocks with linear bottlenecks, ReLU6.</summary>
public static class MobileNetV2Model
{
    // (expansion t, output channels c, repeats n, first stride s) of the paper's Table 2.
    private static readonly (int T, int C, int N, int S)[] Settings =
        [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)];

    /// <summary>Builds MobileNetV2.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("mobilenet-v2") { Activation = "relu6" };
        b.Input(3, 224, 224).Conv("conv1", 32, 3, s: 2, act: true);
        int block = 0;
        foreach (var (t, c, n, s) in Settings)
            for (int i = 0; i < n; i++)
            {
                string p = $"block{++block}", input = b.Last;
                int inChannels = b.Channels, stride = i == 0 ? s : 1;
                // t = 1 has no expansion conv: the depthwise reads the input directly.
                if (t != 1) b.Conv($"{p}_expand", inChannels * t, 1, act: true);
                b.Depthwise($"{p}_dw", 3, stride, act: true).Conv($"{p}_project", c, 1);
                if (stride == 1 && inChannels == c) b.AddTo($"{p}_add", input);
            }
        return b.Conv("conv_last", 1280, 1, act: true).GlobalAvgPool("pool").Fc("fc", 1000).Build();
    }
}
