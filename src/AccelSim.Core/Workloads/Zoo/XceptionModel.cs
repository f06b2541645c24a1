namespace AccelSim.Workloads.Zoo;

/// <summary>
/// Xception (Chollet, CVPR 2017, Fig. 5) at 299x299: entry flow, eight middle-flow blocks, exit flow. A separable conv is a
/// 3x3 depthwise followed by a 1x1 pointwise with no activation between them, as in the paper.
/// </summary>
public static class XceptionModel
{
    /// <summary>Builds Xception.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("xception");
        b.Input(3, 299, 299).Conv("conv1", 32, 3, s: 2, p: 0, act: true).Conv("conv2", 64, 3, p: 0, act: true);
        EntryBlock(b, "block1", 128, reluFirst: false);
        EntryBlock(b, "block2", 256, reluFirst: true);
        EntryBlock(b, "block3", 728, reluFirst: true);
        for (int i = 4; i <= 11; i++)
        {
            string input = b.Last, p = $"block{i}";
            for (int j = 1; j <= 3; j++) b.Act($"{p}_relu{j}", "relu").Pipe(x => Separable(x, $"{p}_sep{j}", 728));
            b.AddTo($"{p}_add", input);
        }
        string exitInput = b.Last;
        string shortcut = b.From(exitInput).Conv("block12_shortcut", 1024, 1, s: 2, p: 0).Last;
        b.From(exitInput).Act("block12_relu1", "relu").Pipe(x => Separable(x, "block12_sep1", 728))
            .Act("block12_relu2", "relu").Pipe(x => Separable(x, "block12_sep2", 1024))
            .MaxPool("block12_pool", 3, 2, p: 1).AddTo("block12_add", shortcut);
        Separable(b, "block13_sep1", 1536).Act("block13_relu1", "relu");
        Separable(b, "block13_sep2", 2048).Act("block13_relu2", "relu");
        return b.GlobalAvgPool("pool").Fc("fc", 1000).Build();
    }

    // Two separable convs and a 3x3/2 max pool, with a strided 1x1 conv on the shortcut.
    private static void EntryBlock(ModelBuilder b, string p, int channels, bool reluFirst)
    {
        string input = b.Last;
        string shortcut = b.From(input).Conv($"{p}_shortcut", channels, 1, s: 2, p: 0).Last;
        b.From(input);
        if (reluFirst) b.Act($"{p}_relu1", "relu");
        Separable(b, $"{p}_sep1", channels).Act($"{p}_relu2", "relu");
        Separable(b, $"{p}_sep2", channels).MaxPool($"{p}_pool", 3, 2, p: 1).AddTo($"{p}_add", shortcut);
    }

    private static ModelBuilder Separable(ModelBuilder b, string p, int channels) =>
        b.Depthwise($"{p}_dw", 3).Conv($"{p}_pw", channels, 1);

    private static ModelBuilder Pipe(this ModelBuilder b, Func<ModelBuilder, ModelBuilder> step) => step(b);
}
