namespace AccelSim.Workloads.Zoo;

/// <summary>
/// ShuffleNet v2 1.0x (Ma et al., ECCV 2018, Table 5). The stride-1 unit's channel split is modelled with two
/// <see cref="Layers.SliceLayer"/>s (identity half, branch half) so the branch convs see exactly half the channels;
/// then concat and a 2-group channel shuffle, as in the paper's Fig. 3(c)/(d).
/// </summary>
public static class ShuffleNetV2Model
{
    /// <summary>Builds ShuffleNet v2 1.0x.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("shufflenet-v2-1.0");
        b.Input(3, 224, 224).Conv("conv1", 24, 3, s: 2, act: true).MaxPool("pool1", 3, 2, p: 1);
        int[] repeats = [4, 8, 4], widths = [116, 232, 464];
        for (int stage = 0; stage < 3; stage++)
            for (int i = 0; i < repeats[stage]; i++)
            {
                string p = $"stage{stage + 2}_{i + 1}";
                if (i == 0) DownsampleUnit(b, p, widths[stage]); else BasicUnit(b, p);
            }
        return b.Conv("conv5", 1024, 1, act: true).GlobalAvgPool("pool").Fc("fc", 1000).Build();
    }

    // Stride 1: split, pw → dw → pw on one half, concat with the untouched half, shuffle.
    private static void BasicUnit(ModelBuilder b, string p)
    {
        string input = b.Last;
        int half = b.Channels / 2;
        string keep = b.From(input).Slice($"{p}_split_a", 0, half).Last;
        string branch = b.From(input).Slice($"{p}_split_b", half, half)
            .Conv($"{p}_pw1", half, 1, act: true).Depthwise($"{p}_dw", 3).Conv($"{p}_pw2", half, 1, act: true).Last;
        b.Concat($"{p}_concat", keep, branch).Shuffle($"{p}_shuffle", 2);
    }

    // Stride 2: no split; both branches see the whole input and halve the resolution, doubling channels after concat.
    private static void DownsampleUnit(ModelBuilder b, string p, int output)
    {
        string input = b.Last;
        int half = output / 2;
        string left = b.From(input).Depthwise($"{p}_b1_dw", 3, 2).Conv($"{p}_b1_pw", half, 1, act: true).Last;
        string right = b.From(input).Conv($"{p}_b2_pw1", half, 1, act: true).Depthwise($"{p}_b2_dw", 3, 2)
            .Conv($"{p}_b2_pw2", half, 1, act: true).Last;
        b.Concat($"{p}_concat", left, right).Shuffle($"{p}_shuffle", 2);
    }
}
