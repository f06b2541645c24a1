namespace AccelSim.Workloads.Zoo;

/// <summary>
/// ShuffleNet v1 (Zhang et al., CVPR 2018) 2x with 3 groups, the seeds' "ShuffleNet (2x)", as its authors' reference code
/// builds it (megvii-model/ShuffleNet-Series, ShuffleNetV1 2.0x): stem 3x3/2 with 48 channels, max pool, stages of 4, 8
/// and 4 units with 480, 960 and 1920 channels. A unit is grouped 1x1 → channel shuffle → 3x3 depthwise → grouped 1x1
/// with a quarter of the unit's output channels inside; the stride-2 unit concatenates a 3x3/2 average pool of its input
/// (its 1x1s produce output − input channels), the others add the input. The very first 1x1 is not grouped (24-channel
/// input in the paper, 48 here), as in the paper's Table 1 note.
/// </summary>
public static class ShuffleNetV1Model
{
    private const int Groups = 3;

    /// <summary>Builds ShuffleNet v1 2x, g = 3.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("shufflenet-v1-2.0-g3");
        b.Input(3, 224, 224).Conv("conv1", 48, 3, s: 2, act: true).MaxPool("pool1", 3, 2, p: 1);
        int[] repeats = [4, 8, 4], widths = [480, 960, 1920];
        for (int stage = 0; stage < 3; stage++)
            for (int i = 0; i < repeats[stage]; i++)
                Unit(b, $"stage{stage + 2}_{i + 1}", widths[stage], downsample: i == 0, groupFirst: stage > 0 || i > 0);
        return b.GlobalAvgPool("pool").Fc("fc", 1000).Build();
    }

    private static void Unit(ModelBuilder b, string p, int output, bool downsample, bool groupFirst)
    {
        string input = b.Last;
        int mid = output / 4, branchOutput = downsample ? output - b.Channels : output;
        b.Conv($"{p}_gconv1", mid, 1, g: groupFirst ? Groups : 1, act: true).Shuffle($"{p}_shuffle", Groups)
            .Depthwise($"{p}_dw", 3, downsample ? 2 : 1).Conv($"{p}_gconv2", branchOutput, 1, g: Groups);
        if (downsample)
        {
            string branch = b.Act($"{p}_relu", "relu").Last;
            string shortcut = b.From(input).AvgPool($"{p}_shortcut_pool", 3, 2, p: 1).Last;
            b.Concat($"{p}_concat", shortcut, branch);
        }
        else b.AddTo($"{p}_add", input).Act($"{p}_relu", "relu");
    }
}
