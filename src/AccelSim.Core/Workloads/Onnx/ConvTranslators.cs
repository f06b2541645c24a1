using AccelSim.Workloads.Layers;

namespace AccelSim.Workloads.Onnx;

/// <summary>Conv, the pools, and BatchNormalization (folded into the conv before it, as inference does).</summary>
internal static class ConvTranslators
{
    public static void Register(IDictionary<string, OnnxTranslator> table)
    {
        table["Conv"] = Conv;
        table["MaxPool"] = (n, c) => Pool(n, c, LayerKind.MaxPool);
        table["AveragePool"] = (n, c) => Pool(n, c, LayerKind.AvgPool);
        table["GlobalAveragePool"] = GlobalAveragePool;
        table["BatchNormalization"] = BatchNormalization;
    }

    private static void Conv(OnnxNode node, OnnxImportContext context)
    {
        var (input, crop) = Windowed(node, context);
        long[] weight = context.WeightDims(node, 1);
        if (weight.Length != 4) throw context.Fail(node, $"only 2-D convolutions are supported (weight has {weight.Length} dims)");
        if (node.Ints("kernel_shape") is { } k && (k.Length != 2 || k[0] != weight[2] || k[1] != weight[3]))
            throw context.Fail(node, $"kernel_shape [{string.Join(",", k)}] does not match the weight [{string.Join(",", weight)}]");
        long groups = node.Int("group", 1);
        if (groups < 1 || groups > int.MaxValue || weight[0] > int.MaxValue) throw context.Fail(node, $"group {groups} or {weight[0]} filters are out of range");
        if (checked(weight[1] * groups) != input.Map.Channels)
            throw context.Fail(node, $"weight [{string.Join(",", weight)}] with group {groups} expects {weight[1] * groups} input channels, the input has {input.Map.Channels}");
        var window = OnnxWindow.From(node, context, input, weight[2], weight[3], crop);
        var layer = new ConvLayer(node.Name, input.Layer, (int)weight[0], window, (int)groups);
        context.AddLayer(node, layer, OutputDims(weight[0], input, window));
    }

    private static void Pool(OnnxNode node, OnnxImportContext context, LayerKind kind)
    {
        var (input, crop) = Windowed(node, context);
        long[] kernel = node.Ints("kernel_shape") ?? throw context.Fail(node, "kernel_shape is missing");
        if (kernel.Length != 2) throw context.Fail(node, "only 2-D pooling is supported");
        var window = OnnxWindow.From(node, context, input, kernel[0], kernel[1], crop);
        if (kind == LayerKind.AvgPool && (window.DilationH != 1 || window.DilationW != 1)) throw context.Fail(node, "dilated average pooling is not supported");
        bool ceil = node.Int("ceil_mode", 0) != 0;
        var layer = new PoolLayer(node.Name, input.Layer, kind, window, ceil);
        context.AddLayer(node, layer, [input.Dims[0], window.OutputHeight(input.Map.Height, ceil), window.OutputWidth(input.Map.Width, ceil)]);
    }

    private static void GlobalAveragePool(OnnxNode node, OnnxImportContext context)
    {
        var input = Image(node, context);
        context.AddLayer(node, new GlobalAvgPoolLayer(node.Name, input.Layer), [input.Dims[0], 1, 1]);
    }

    // Inference folds BN's scale and shift into the conv before it; a BN elsewhere is element-wise work (scale + shift).
    private static void BatchNormalization(OnnxNode node, OnnxImportContext context)
    {
        var input = context.Activation(node, 0);
        if (context.LayerOf(input) is ConvLayer conv && input.IsImage)
        {
            context.Relabel(node, input, input.Dims);
            context.Fold(node.Name, conv.Name);
            return;
        }
        context.AddLayer(node, new ActivationLayer(node.Name, input.Layer, "batchnorm", OnnxActivations.BatchNormOps), input.Dims);
    }

    private static ActivationValue Image(OnnxNode node, OnnxImportContext context)
    {
        var input = context.Activation(node, 0);
        return input.IsImage ? input
            : throw context.Fail(node, $"input '{node.Input(0)}' is {input.DimsText}, not the [N,C,H,W] feature map {input.Map} of layer '{input.Layer}'");
    }

    // A window's input: an image, or an image cropped by a spatial Slice (folded into the window as negative padding).
    private static (ActivationValue Input, CroppedValue? Crop) Windowed(OnnxNode node, OnnxImportContext context)
    {
        if (context.Value(node.Input(0)) is CroppedValue crop) return (crop.Source, crop);
        return (Image(node, context), null);
    }

    private static long[] OutputDims(long channels, ActivationValue input, Window window) =>
        [channels, window.OutputHeight(input.Map.Height), window.OutputWidth(input.Map.Width)];
}
