namespace AccelSim.Workloads.Zoo;

/// <summary>SqueezeNet 1.0 (Iandola et al., 2016) and 1.1 (the SqueezeNet repository's cheaper revision), 224x224 input.</summary>
public static class SqueezeNetModels
{
    /// <summary>SqueezeNet 1.0: 7x7/2 stem with 96 filters, pools after fire4 and fire8.</summary>
    public static ModelGraph SqueezeNet10()
    {
        var b = new ModelBuilder("squeezenet1.0");
        b.Input(3, 224, 224).Conv("conv1", 96, 7, s: 2, p: 0, act: true).MaxPool("pool1", 3, 2, ceil: true);
        Fire(b, "fire2", 16, 64); Fire(b, "fire3", 16, 64); Fire(b, "fire4", 32, 128);
        b.MaxPool("pool4", 3, 2, ceil: true);
        Fire(b, "fire5", 32, 128); Fire(b, "fire6", 48, 192); Fire(b, "fire7", 48, 192); Fire(b, "fire8", 64, 256);
        b.MaxPool("pool8", 3, 2, ceil: true);
        Fire(b, "fire9", 64, 256);
        return Classifier(b);
    }

    /// <summary>SqueezeNet 1.1: 3x3/2 stem with 64 filters and earlier pools, 2.4x fewer MACs at the same accuracy.</summary>
    public static ModelGraph SqueezeNet11()
    {
        var b = new ModelBuilder("squeezenet1.1");
        b.Input(3, 224, 224).Conv("conv1", 64, 3, s: 2, p: 0, act: true).MaxPool("pool1", 3, 2, ceil: true);
        Fire(b, "fire2", 16, 64); Fire(b, "fire3", 16, 64);
        b.MaxPool("pool3", 3, 2, ceil: true);
        Fire(b, "fire4", 32, 128); Fire(b, "fire5", 32, 128);
        b.MaxPool("pool5", 3, 2, ceil: true);
        Fire(b, "fire6", 48, 192); Fire(b, "fire7", 48, 192); Fire(b, "fire8", 64, 256); Fire(b, "fire9", 64, 256);
        return Classifier(b);
    }

    // Fire module: 1x1 squeeze, then 1x1 and 3x3 expands side by side, concatenated.
    private static void Fire(ModelBuilder b, string p, int squeeze, int expand)
    {
        string s = b.Conv($"{p}_squeeze1x1", squeeze, 1, act: true).Last;
        string e1 = b.From(s).Conv($"{p}_expand1x1", expand, 1, act: true).Last;
        string e3 = b.From(s).Conv($"{p}_expand3x3", expand, 3, act: true).Last;
        b.Concat($"{p}_concat", e1, e3);
    }

    // The classifier is a 1x1 conv to 1000 classes followed by global average pooling: no FC layer at all.
    private static ModelGraph Classifier(ModelBuilder b) => b.Conv("conv10", 1000, 1, act: true).GlobalAvgPool("pool10").Build();
}
