namespace AccelSim.Workloads.Layers;

/// <summary>A 2-D sliding window: kernel, stride, padding and dilation along height and width.</summary>
public sealed record Window(int KernelH, int KernelW, int StrideH = 1, int StrideW = 1, int PadH = 0, int PadW = 0, int DilationH = 1, int DilationW = 1)
{
    /// <summary>A square window.</summary>
    public static Window Square(int kernel, int stride = 1, int pad = 0, int dilation = 1) =>
        new(kernel, kernel, stride, stride, pad, pad, dilation, dilation);

    /// <summary>Output extent along one axis; <paramref name="ceil"/> rounds up (Caffe-style pooling).</summary>
    public static int OutputExtent(int input, int kernel, int stride, int pad, int dilation, bool ceil = false)
    {
        long span = (long)(kernel - 1) * dilation + 1;
        long room = input + 2L * pad - span;
        if (room < 0) return 0;
        long steps = ceil ? (room + stride - 1) / stride : room / stride;
        // Caffe's ceil mode never starts a window entirely in the padding.
        if (ceil && steps * stride >= input + pad) steps--;
        return (int)(steps + 1);
    }

    /// <summary>Output rows for <paramref name="inputH"/> input rows.</summary>
    public int OutputHeight(int inputH, bool ceil = false) => OutputExtent(inputH, KernelH, StrideH, PadH, DilationH, ceil);

    /// <summary>Output columns for <paramref name="inputW"/> input columns.</summary>
    public int OutputWidth(int inputW, bool ceil = false) => OutputExtent(inputW, KernelW, StrideW, PadW, DilationW, ceil);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = KernelH == KernelW ? $"{KernelH}x{KernelW}" : $"{KernelH}x{KernelW}";
        if (StrideH != 1 || StrideW != 1) text += $"/s{StrideH}" + (StrideW != StrideH ? $"x{StrideW}" : "");
        if (PadH != 0 || PadW != 0) text += $"/p{PadH}" + (PadW != PadH ? $"x{PadW}" : "");
        if (DilationH != 1 || DilationW != 1) text += $"/d{DilationH}" + (DilationW != DilationH ? $"x{DilationW}" : "");
        return text;
    }
}
