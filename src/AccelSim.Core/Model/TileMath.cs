using AccelSim.Workloads;

namespace AccelSim.Model;

/// <summary>Sizes of tensor tiles from per-dim extents (inputs with their sliding-window halo, SPEC §3).</summary>
public static class TileMath
{
    /// <summary>Input rows touched by <paramref name="p"/> output rows and <paramref name="r"/> filter rows.</summary>
    public static long InputExtent(long p, long r, int stride, int dilation) => (p - 1) * stride + (r - 1) * dilation + 1;

    /// <summary>Input rows a tile with per-dim extents <paramref name="ext"/> touches (its P and R extents).</summary>
    public static long InputRows(ProblemShape problem, ReadOnlySpan<long> ext) =>
        InputExtent(ext[(int)Dim.P], ext[(int)Dim.R], problem.StrideH, problem.DilationH);

    /// <summary>Input columns a tile with per-dim extents <paramref name="ext"/> touches (its Q and S extents).</summary>
    public static long InputColumns(ProblemShape problem, ReadOnlySpan<long> ext) =>
        InputExtent(ext[(int)Dim.Q], ext[(int)Dim.S], problem.StrideW, problem.DilationW);

    /// <summary>Words of <paramref name="tensor"/> in a tile whose per-dim extents are <paramref name="ext"/> (indexed by Dim).</summary>
    public static long TileSize(ProblemShape problem, TensorKind tensor, ReadOnlySpan<long> ext) => tensor switch
    {
        TensorKind.Weights => ext[(int)Dim.G] * ext[(int)Dim.M] * ext[(int)Dim.C] * ext[(int)Dim.R] * ext[(int)Dim.S],
        TensorKind.Outputs => ext[(int)Dim.N] * ext[(int)Dim.G] * ext[(int)Dim.M] * ext[(int)Dim.P] * ext[(int)Dim.Q],
        _ => ext[(int)Dim.N] * ext[(int)Dim.G] * ext[(int)Dim.C] * InputRows(problem, ext) * InputColumns(problem, ext),
    };
}
