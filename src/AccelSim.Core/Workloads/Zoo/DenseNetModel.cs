namespace AccelSim.Workloads.Zoo;

/// <summary>
/// DenseNet-121 (Huang et al., CVPR 2017), growth rate 32, bottleneck 4·32, compression 0.5. A dense block is modelled as a
/// running concat: layer i reads the concat of the block input and every earlier layer's 32 new channels, and the next
/// concat appends its output (so a concat copies the growing tensor, as a memory-naive implementation does).
/// </summary>
public static class DenseNetModel
{
    private const int Growth = 32;

    /// <summary>Builds DenseNet-121.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("densenet121");
        b.Input(3, 224, 224).Conv("conv0", 64, 7, s: 2, act: true).MaxPool("pool0", 3, 2, p: 1);
        int[] blocks = [6, 12, 24, 16];
        for (int block = 0; block < blocks.Length; block++)
        {
            for (int i = 1; i <= blocks[block]; i++)
            {
                string p = $"dense{block + 1}_{i}", features = b.Last;
                b.Act($"{p}_relu1", "relu").Conv($"{p}_conv1", 4 * Growth, 1, act: true).Conv($"{p}_conv2", Growth, 3);
                b.Concat($"{p}_concat", features, b.Last);
            }
            if (block < blocks.Length - 1)
                b.Act($"transition{block + 1}_relu", "relu").Conv($"transition{block + 1}_conv", b.Channels / 2, 1)
                    .AvgPool($"transition{block + 1}_pool", 2, 2);
        }
        return b.Act("final_relu", "relu").GlobalAvgPool("pool").Fc("fc", 1000).Build();
    }
}
