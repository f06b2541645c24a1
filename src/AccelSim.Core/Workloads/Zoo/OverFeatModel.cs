namespace AccelSim.Workloads.Zoo;

/// <summary>
/// OverFeat's fast model (Sermanet et al., ICLR 2014, Table 1): 231x231 input, conv1 11x11/4 with 96 maps, conv2 5x5 with
/// 256, conv3-5 3x3 with 512, 1024 and 1024 (padded), non-overlapping 2x2 max pools, then FCs of 3072, 4096 and 1000.
/// No local response normalisation (the paper drops it).
/// </summary>
public static class OverFeatModel
{
    /// <summary>Builds the fast model.</summary>
    public static ModelGraph Fast()
    {
        var b = new ModelBuilder("overfeat-fast");
        b.Input(3, 231, 231)
            .Conv("conv1", 96, 11, s: 4, p: 0, act: true).MaxPool("pool1", 2, 2)
            .Conv("conv2", 256, 5, p: 0, act: true).MaxPool("pool2", 2, 2)
            .Conv("conv3", 512, 3, p: 1, act: true)
            .Conv("conv4", 1024, 3, p: 1, act: true)
            .Conv("conv5", 1024, 3, p: 1, act: true).MaxPool("pool5", 2, 2)
            .Fc("fc6", 3072, act: true).Fc("fc7", 4096, act: true).Fc("fc8", 1000);
        return b.Build();
    }
}
