namespace AccelSim.Workloads.Zoo;

/// <summary>VGG-16 and VGG-19 (Simonyan and Zisserman, ICLR 2015), configurations D and E: 3x3 convs, 2x2 max pools.</summary>
public static class VggModels
{
    /// <summary>VGG-16 (configuration D).</summary>
    public static ModelGraph Vgg16() => Create("vgg16", [2, 2, 3, 3, 3]);

    /// <summary>VGG-19 (configuration E).</summary>
    public static ModelGraph Vgg19() => Create("vgg19", [2, 2, 4, 4, 4]);

    private static ModelGraph Create(string name, int[] convsPerStage)
    {
        int[] widths = [64, 128, 256, 512, 512];
        var b = new ModelBuilder(name);
        b.Input(3, 224, 224);
        for (int stage = 0; stage < widths.Length; stage++)
        {
            for (int i = 1; i <= convsPerStage[stage]; i++) b.Conv($"conv{stage + 1}_{i}", widths[stage], 3, act: true);
            b.MaxPool($"pool{stage + 1}", 2, 2);
        }
        return b.Fc("fc6", 4096, act: true).Fc("fc7", 4096, act: true).Fc("fc8", 1000).Build();
    }
}
