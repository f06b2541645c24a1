using System.Globalization;

namespace AccelSim.Workloads.Zoo;

/// <summary>
/// MobileNet v1 (Howard et al., 2017): a 3x3/2 stem then 13 depthwise-separable blocks, with the width multiplier α
/// (every channel count becomes ⌊α·c⌋) and the input resolution as parameters.
/// </summary>
public static class MobileNetV1Model
{
    // (pointwise output channels, depthwise stride) of the paper's Table 1.
    private static readonly (int Channels, int Stride)[] Blocks =
    [
        (64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2),
        (512, 1), (512, 1), (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1),
    ];

    /// <summary>The zoo name for a width and resolution: "mobilenet-v1" for 1.0-224, else e.g. "mobilenet-v1-0.5-160".</summary>
    public static string NameOf(double alpha, int resolution) =>
        alpha == 1.0 && resolution == 224 ? "mobilenet-v1"
            : $"mobilenet-v1-{alpha.ToString("0.0##", CultureInfo.InvariantCulture)}-{resolution}";

    /// <summary>Builds MobileNet v1 with width multiplier <paramref name="alpha"/> at <paramref name="resolution"/>².</summary>
    public static ModelGraph Create(double alpha = 1.0, int resolution = 224)
    {
        if (alpha <= 0 || alpha > 4) throw new WorkloadException($"mobilenet-v1: width multiplier must be in (0, 4], got {alpha}");
        if (resolution < 32 || resolution > 1024) throw new WorkloadException($"mobilenet-v1: resolution must be 32..1024, got {resolution}");
        int Width(int c) => Math.Max(1, (int)(c * alpha));
        var b = new ModelBuilder(NameOf(alpha, resolution));
        b.Input(3, resolution, resolution).Conv("conv1", Width(32), 3, s: 2, act: true);
        for (int i = 0; i < Blocks.Length; i++)
        {
            var (channels, stride) = Blocks[i];
            b.Depthwise($"conv{i + 2}_dw", 3, stride, act: true).Conv($"conv{i + 2}_pw", Width(channels), 1, act: true);
        }
        return b.GlobalAvgPool("pool").Fc("fc", 1000).Build();
    }
}
