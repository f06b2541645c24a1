namespace AccelSim.Workloads;

/// <summary>
/// The bounds of one layer's 8-deep MAC loop nest with strides and dilations (SPEC §1).
/// Conv, grouped, depthwise, pointwise, fully connected and matmul are all this nest with different bounds.
/// Inputs are the padded input: their rows are H = (P−1)·Hs + (R−1)·Hd + 1, so padding is inside the tensor.
/// </summary>
public sealed record ProblemShape(
    int N, int G, int M, int C, int P, int Q, int R, int S,
    int StrideH = 1, int StrideW = 1, int DilationH = 1, int DilationW = 1)
{
    /// <summary>The bound of <paramref name="dim"/>.</summary>
    public int this[Dim dim] => dim switch
    {
        Dim.N => N, Dim.G => G, Dim.M => M, Dim.C => C,
        Dim.P => P, Dim.Q => Q, Dim.R => R, _ => S,
    };

    /// <summary>Bounds as an array indexed by <see cref="Dim"/>.</summary>
    public int[] Bounds() => [N, G, M, C, P, Q, R, S];

    /// <summary>Multiply-accumulates: the product of all eight bounds.</summary>
    public long Macs => (long)N * G * M * C * P * Q * R * S;

    /// <summary>Padded input rows seen by the nest.</summary>
    public long InputHeight => (long)(P - 1) * StrideH + (long)(R - 1) * DilationH + 1;

    /// <summary>Padded input columns seen by the nest.</summary>
    public long InputWidth => (long)(Q - 1) * StrideW + (long)(S - 1) * DilationW + 1;

    /// <summary>Words in the full tensor.</summary>
    public long TensorSize(TensorKind tensor) => tensor switch
    {
        TensorKind.Weights => (long)G * M * C * R * S,
        TensorKind.Inputs => (long)N * G * C * InputHeight * InputWidth,
        _ => (long)N * G * M * P * Q,
    };

    /// <summary>The same nest with batch <paramref name="batch"/> (N scaled; matmul tokens are already in N).</summary>
    public ProblemShape WithBatchMultiplier(int batch) => this with { N = checked(N * batch) };

    /// <summary>Throws <see cref="ArgumentException"/> when a bound, stride or dilation is not positive.</summary>
    public void Validate()
    {
        foreach (var d in Dims.All)
            if (this[d] <= 0) throw new ArgumentException($"dimension {d} must be positive, got {this[d]}");
        if (StrideH <= 0 || StrideW <= 0) throw new ArgumentException($"strides must be positive, got {StrideH}x{StrideW}");
        if (DilationH <= 0 || DilationW <= 0) throw new ArgumentException($"dilations must be positive, got {DilationH}x{DilationW}");
    }

    /// <summary>Compact text, e.g. "N1 G1 M96 C3 P55 Q55 R11 S11 s4".</summary>
    public override string ToString()
    {
        var text = $"N{N} G{G} M{M} C{C} P{P} Q{Q} R{R} S{S}";
        if (StrideH != 1 || StrideW != 1) text += StrideH == StrideW ? $" s{StrideH}" : $" s{StrideH}x{StrideW}";
        if (DilationH != 1 || DilationW != 1) text += DilationH == DilationW ? $" d{DilationH}" : $" d{DilationH}x{DilationW}";
        return text;
    }
}
