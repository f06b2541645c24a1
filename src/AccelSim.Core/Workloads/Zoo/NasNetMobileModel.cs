using AccelSim.Workloads.Layers;

namespace AccelSim.Workloads.Zoo;

/// <summary>
/// NASNet-A Mobile, N = 4 (Zoph et al., CVPR 2018; 4 @ 1056): 224x224, a 3x3/2 "valid" stem conv with 32 filters, two
/// reduction cells as the ImageNet stem, then 3 × (4 normal cells) with reduction cells between, 44 → 88 → 176 filters,
/// as Keras' NASNetMobile (a port of the authors' TF-slim nasnet_mobile) builds it for inference: no auxiliary head,
/// no drop-path. Every separable conv is ReLU → depthwise → pointwise, twice. Stride-2 ops pad as TensorFlow does
/// ((0, 1) for a 3x3 on an even grid: Keras' correct_pad), and when the previous cell's output is twice as large the
/// "factorized reduction" averages it over two 1x1/2 paths, the second shifted by one pixel (pad below, crop above).
/// </summary>
public static class NasNetMobileModel
{
    private const int Filters = 44; // penultimate filters 1056 / 24

    /// <summary>Builds NASNet-A Mobile.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("nasnet-a-mobile");
        string x = b.Input(3, 224, 224).Conv("stem_conv1", 32, 3, s: 2, p: 0).Last;
        string? previous = null;
        (x, previous) = (ReductionCell(b, "stem_1", x, previous, Filters / 4), x);
        (x, previous) = (ReductionCell(b, "stem_2", x, previous, Filters / 2), x);
        // Keras' block ids: normal_0-3, reduce_4, normal_5-8, reduce_8, normal_9-12.
        for (int stack = 0; stack < 3; stack++)
        {
            int filters = Filters << stack;
            if (stack > 0) (x, previous) = (ReductionCell(b, $"reduce_{4 * stack}", x, previous, filters), x);
            for (int i = 0; i < 4; i++)
                (x, previous) = (NormalCell(b, $"normal_{(stack == 0 ? i : 4 * stack + i + 1)}", x, previous, filters), x);
        }
        return b.From(x).Act("final_relu", "relu").GlobalAvgPool("pool").Fc("fc", 1000).Build();
    }

    // Output: concat(p, x1 … x5) = 6 × filters channels at the input's grid.
    private static string NormalCell(ModelBuilder b, string id, string input, string? previous, int filters)
    {
        string p = Adjust(b, id, input, previous, filters);
        string h = b.From(input).Act($"{id}_relu", "relu").Conv($"{id}_conv_1x1", filters, 1).Last;
        string x1 = Sum(b, $"{id}_add_1", Separable(b, $"{id}_left1", h, 5, 1, filters), Separable(b, $"{id}_right1", p, 3, 1, filters));
        string x2 = Sum(b, $"{id}_add_2", Separable(b, $"{id}_left2", p, 5, 1, filters), Separable(b, $"{id}_right2", p, 3, 1, filters));
        string x3 = Sum(b, $"{id}_add_3", b.From(h).AvgPool($"{id}_left3", 3, 1, p: 1).Last, p);
        string x4 = Sum(b, $"{id}_add_4", b.From(p).AvgPool($"{id}_left4", 3, 1, p: 1).Last, b.From(p).AvgPool($"{id}_right4", 3, 1, p: 1).Last);
        string x5 = Sum(b, $"{id}_add_5", Separable(b, $"{id}_left5", h, 3, 1, filters), h);
        return b.Concat($"{id}_concat", p, x1, x2, x3, x4, x5).Last;
    }

    // Output: concat(x2, x3, x4, x5) = 4 × filters channels at half the input's grid.
    private static string ReductionCell(ModelBuilder b, string id, string input, string? previous, int filters)
    {
        string p = Adjust(b, id, input, previous, filters);
        string h = b.From(input).Act($"{id}_relu", "relu").Conv($"{id}_conv_1x1", filters, 1).Last;
        string x1 = Sum(b, $"{id}_add_1", Separable(b, $"{id}_left1", h, 5, 2, filters), Separable(b, $"{id}_right1", p, 7, 2, filters));
        string x2 = Sum(b, $"{id}_add_2", StridedPool(b, $"{id}_left2", h, LayerKind.MaxPool), Separable(b, $"{id}_right2", p, 7, 2, filters));
        string x3 = Sum(b, $"{id}_add_3", StridedPool(b, $"{id}_left3", h, LayerKind.AvgPool), Separable(b, $"{id}_right3", p, 5, 2, filters));
        string x4 = Sum(b, $"{id}_add_4", b.From(x1).AvgPool($"{id}_left4", 3, 1, p: 1).Last, x2);
        string x5 = Sum(b, $"{id}_add_5", Separable(b, $"{id}_left5", x1, 3, 1, filters), StridedPool(b, $"{id}_right5", h, LayerKind.MaxPool));
        return b.Concat($"{id}_concat", x2, x3, x4, x5).Last;
    }

    // Brings the previous cell's output to this cell's grid and width: the input itself for the first cell, a factorized
    // reduction when its grid is twice as large, a 1x1 projection when only the width differs.
    private static string Adjust(ModelBuilder b, string id, string input, string? previous, int filters)
    {
        if (previous is null) return input;
        FeatureMap p = b.ShapeOf(previous), ip = b.ShapeOf(input);
        if (p.Height != ip.Height)
        {
            string relu = b.From(previous).Act($"{id}_adjust_relu", "relu").Last;
            string path1 = b.AvgPool($"{id}_adjust_pool_1", 1, 2).Conv($"{id}_adjust_conv_1", filters / 2, 1).Last;
            b.Add(new PoolLayer($"{id}_adjust_pool_2", relu, LayerKind.AvgPool, Window.Padded(1, 1, 2, 2, -1, 1, -1, 1)));
            string path2 = b.Conv($"{id}_adjust_conv_2", filters / 2, 1).Last;
            return b.Concat($"{id}_adjust_concat", path1, path2).Last;
        }
        if (p.Channels != filters)
            return b.From(previous).Act($"{id}_adjust_relu", "relu").Conv($"{id}_adjust_projection", filters, 1).Last;
        return previous;
    }

    // ReLU → k×k depthwise (stride s) → 1x1 to filters → ReLU → k×k depthwise → 1x1 to filters.
    private static string Separable(ModelBuilder b, string id, string input, int k, int stride, int filters)
    {
        b.From(input).Act($"{id}_relu_1", "relu");
        b.ConvWindow($"{id}_sep1_dw", b.Channels, stride == 1 ? Window.Square(k, 1, k / 2) : TensorFlowStride2(k, b.Shape), b.Channels)
            .Conv($"{id}_sep1_pw", filters, 1).Act($"{id}_relu_2", "relu")
            .Depthwise($"{id}_sep2_dw", k).Conv($"{id}_sep2_pw", filters, 1);
        return b.Last;
    }

    // A 3x3/2 pool of the cell's 1x1 output, padded as Keras pads it (correct_pad) before a "valid" pool.
    private static string StridedPool(ModelBuilder b, string id, string input, LayerKind kind) =>
        b.Add(new PoolLayer(id, input, kind, TensorFlowStride2(3, b.ShapeOf(input)))).Last;

    // Keras' correct_pad: k/2 on each side, one less above / left when the grid is even (TensorFlow's "same" at stride 2).
    private static Window TensorFlowStride2(int k, FeatureMap input) =>
        Window.Padded(k, k, 2, 2, k / 2 - (1 - input.Height % 2), k / 2, k / 2 - (1 - input.Width % 2), k / 2);

    private static string Sum(ModelBuilder b, string name, string left, string right) => b.From(left).AddTo(name, right).Last;
}
