using AccelSim.Workloads.Layers;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// A Conv's or pool's kernel_shape, strides, pads, dilations and auto_pad as an AccelSim <see cref="Window"/>, with padding
/// per side (explicit asymmetric pads, auto_pad SAME with an odd total); a crop of the input (a spatial Slice before the
/// window) becomes negative padding on its side.
/// </summary>
internal static class OnnxWindow
{
    public static Window From(OnnxNode node, OnnxImportContext context, ActivationValue input, long kernelH, long kernelW, CroppedValue? crop = null)
    {
        long top = crop?.Top ?? 0, bottom = crop?.Bottom ?? 0, left = crop?.Left ?? 0, right = crop?.Right ?? 0;
        long[] strides = node.Ints("strides") ?? [1, 1];
        long[] dilations = node.Ints("dilations") ?? [1, 1];
        if (strides.Length != 2 || dilations.Length != 2) throw context.Fail(node, "only 2-D windows are supported (strides and dilations need 2 values)");
        string autoPad = node.Text("auto_pad", "NOTSET");
        long[] pads = autoPad switch
        {
            "NOTSET" => node.Ints("pads") ?? [0, 0, 0, 0],
            "VALID" => [0, 0, 0, 0],
            "SAME_UPPER" or "SAME_LOWER" =>
                [.. Same(input.Dims[1] - top - bottom, kernelH, strides[0], dilations[0], upper: autoPad == "SAME_UPPER"),
                 .. Same(input.Dims[2] - left - right, kernelW, strides[1], dilations[1], upper: autoPad == "SAME_UPPER")],
            _ => throw context.Fail(node, $"auto_pad '{autoPad}' is not one of NOTSET, VALID, SAME_UPPER, SAME_LOWER"),
        };
        if (autoPad is "SAME_UPPER" or "SAME_LOWER") pads = [pads[0], pads[2], pads[1], pads[3]];
        if (pads.Length != 4) throw context.Fail(node, $"pads must have 4 values (top, left, bottom, right), got {pads.Length}");
        if (pads.Any(p => p < 0)) throw context.Fail(node, $"pads [{string.Join(",", pads)}] must not be negative");
        // ONNX pads: [top, left, bottom, right]; a crop takes rows or columns off the same side.
        return new Window(Int(node, context, kernelH), Int(node, context, kernelW), Int(node, context, strides[0]), Int(node, context, strides[1]),
            Padding(node, context, pads[0] - top), Padding(node, context, pads[1] - left), Int(node, context, dilations[0]), Int(node, context, dilations[1]))
        {
            PadBottom = Padding(node, context, pads[2] - bottom),
            PadRight = Padding(node, context, pads[3] - right),
        };
    }

    // ONNX's SAME: output = ceil(input / stride); the total padding goes before (LOWER) or after (UPPER) when it is odd.
    private static long[] Same(long input, long kernel, long stride, long dilation, bool upper)
    {
        long output = (input + stride - 1) / stride;
        long total = Math.Max(0, checked((output - 1) * stride + (kernel - 1) * dilation + 1 - input));
        long small = total / 2, large = total - small;
        return upper ? [small, large] : [large, small];
    }

    private static int Padding(OnnxNode node, OnnxImportContext context, long value) =>
        value is >= int.MinValue and <= int.MaxValue ? (int)value : throw context.Fail(node, $"padding {value} is out of range");

    private static int Int(OnnxNode node, OnnxImportContext context, long value) =>
        value is >= 0 and <= int.MaxValue ? (int)value : throw context.Fail(node, $"window value {value} is out of range");
}
