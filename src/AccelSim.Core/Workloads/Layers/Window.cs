namespace AccelSim.Workloads.Layers;

/// <summary>
/// A 2-D sliding window: kernel, stride, padding and dilation along height and width. <see cref="PadH"/> and
/// <see cref="PadW"/> pad above and left, and also below and right unless <see cref="PadBottom"/> / <see cref="PadRight"/>
/// say otherwise (TensorFlow's "same" padding with a stride puts the odd row below: Keras' ZeroPadding2D((0, 1), (0, 1))).
/// A negative padding crops that many rows or columns (Keras' Cropping2D), e.g. NASNet's one-pixel shifted path.
/// </summary>
public sealed record Window(int KernelH, int KernelW, int StrideH = 1, int StrideW = 1, int PadH = 0, int PadW = 0, int DilationH = 1, int DilationW = 1)
{
    // Null while equal to PadH / PadW, so a symmetric window compares equal however it was built.
    private readonly int? _padBottom, _padRight;

    /// <summary>Rows padded below the input (negative: cropped); <see cref="PadH"/> unless set.</summary>
    public int PadBottom { get => _padBottom ?? PadH; init => _padBottom = value == PadH ? null : value; }

    /// <summary>Columns padded right of the input (negative: cropped); <see cref="PadW"/> unless set.</summary>
    public int PadRight { get => _padRight ?? PadW; init => _padRight = value == PadW ? null : value; }

    /// <summary>True when both sides of each axis are padded alike and nothing is cropped (the workload file's short forms).</summary>
    public bool HasSymmetricPadding => PadBottom == PadH && PadRight == PadW && PadH >= 0 && PadW >= 0;

    /// <summary>A square window.</summary>
    public static Window Square(int kernel, int stride = 1, int pad = 0, int dilation = 1) =>
        new(kernel, kernel, stride, stride, pad, pad, dilation, dilation);

    /// <summary>A window padded (or, negative, cropped) separately on each side.</summary>
    public static Window Padded(int kernelH, int kernelW, int strideH, int strideW, int top, int bottom, int left, int right) =>
        new(kernelH, kernelW, strideH, strideW, top, left) { PadBottom = bottom, PadRight = right };

    /// <summary>
    /// Output extent along one axis padded by <paramref name="padBefore"/> and <paramref name="padAfter"/>;
    /// <paramref name="ceil"/> rounds up (Caffe-style pooling).
    /// </summary>
    public static int OutputExtent(int input, int kernel, int stride, int padBefore, int padAfter, int dilation, bool ceil = false)
    {
        long span = (long)(kernel - 1) * dilation + 1;
        long room = input + (long)padBefore + padAfter - span;
        if (room < 0) return 0;
        long steps = ceil ? (room + stride - 1) / stride : room / stride;
        // Caffe's ceil mode never starts a window entirely in the padding.
        if (ceil && steps * stride >= input + (long)padBefore) steps--;
        return (int)(steps + 1);
    }

    /// <summary>Output rows for <paramref name="inputH"/> input rows.</summary>
    public int OutputHeight(int inputH, bool ceil = false) => OutputExtent(inputH, KernelH, StrideH, PadH, PadBottom, DilationH, ceil);

    /// <summary>Output columns for <paramref name="inputW"/> input columns.</summary>
    public int OutputWidth(int inputW, bool ceil = false) => OutputExtent(inputW, KernelW, StrideW, PadW, PadRight, DilationW, ceil);

    /// <inheritdoc />
    public override string ToString()
    {
        var text = KernelH == KernelW ? $"{KernelH}x{KernelW}" : $"{KernelH}x{KernelW}";
        if (StrideH != 1 || StrideW != 1) text += $"/s{StrideH}" + (StrideW != StrideH ? $"x{StrideW}" : "");
        if (!HasSymmetricPadding) text += $"/p{PadH},{PadBottom},{PadW},{PadRight}";
        else if (PadH != 0 || PadW != 0) text += $"/p{PadH}" + (PadW != PadH ? $"x{PadW}" : "");
        if (DilationH != 1 || DilationW != 1) text += $"/d{DilationH}" + (DilationW != DilationH ? $"x{DilationW}" : "");
        return text;
    }
}
