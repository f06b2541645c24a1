using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// A tile as a 5-D box in its tensor's own coordinates: weights (G, M, C, R, S), inputs (N, G, C, row, column) with
/// rows = p·stride + r·dilation (the bounding rows/columns of the sliding window), outputs (N, G, M, P, Q).
/// The box's extents depend only on the level, so a tile is its origin; two tiles of one level overlap in
/// Π max(0, extent − |origin difference|) words.
/// </summary>
internal static class TileCoordinates
{
    /// <summary>Number of coordinates of a box.</summary>
    public const int Rank = 5;

    /// <summary>Writes the box origin of a tensor for per-dim origins <paramref name="dim"/>.</summary>
    public static void Origin(ProblemShape p, TensorKind tensor, ReadOnlySpan<long> dim, Span<long> box)
    {
        switch (tensor)
        {
            case TensorKind.Weights:
                box[0] = dim[(int)Dim.G]; box[1] = dim[(int)Dim.M]; box[2] = dim[(int)Dim.C]; box[3] = dim[(int)Dim.R]; box[4] = dim[(int)Dim.S];
                break;
            case TensorKind.Inputs:
                box[0] = dim[(int)Dim.N]; box[1] = dim[(int)Dim.G]; box[2] = dim[(int)Dim.C];
                box[3] = dim[(int)Dim.P] * p.StrideH + dim[(int)Dim.R] * p.DilationH;
                box[4] = dim[(int)Dim.Q] * p.StrideW + dim[(int)Dim.S] * p.DilationW;
                break;
            default:
                box[0] = dim[(int)Dim.N]; box[1] = dim[(int)Dim.G]; box[2] = dim[(int)Dim.M]; box[3] = dim[(int)Dim.P]; box[4] = dim[(int)Dim.Q];
                break;
        }
    }

    /// <summary>The box extents of a tensor's tile for per-dim tile extents <paramref name="ext"/>.</summary>
    public static long[] Extent(ProblemShape p, TensorKind tensor, ReadOnlySpan<long> ext) => tensor switch
    {
        TensorKind.Weights => [ext[(int)Dim.G], ext[(int)Dim.M], ext[(int)Dim.C], ext[(int)Dim.R], ext[(int)Dim.S]],
        TensorKind.Inputs =>
        [
            ext[(int)Dim.N], ext[(int)Dim.G], ext[(int)Dim.C],
            TileMath.InputRows(p, ext),
            TileMath.InputColumns(p, ext),
        ],
        _ => [ext[(int)Dim.N], ext[(int)Dim.G], ext[(int)Dim.M], ext[(int)Dim.P], ext[(int)Dim.Q]],
    };

    /// <summary>Words in a box.</summary>
    public static long Volume(ReadOnlySpan<long> extent)
    {
        long v = 1;
        foreach (var e in extent) v *= e;
        return v;
    }

    /// <summary>Words shared by two boxes of equal extents.</summary>
    public static long Overlap(ReadOnlySpan<long> a, ReadOnlySpan<long> b, ReadOnlySpan<long> extent)
    {
        long v = 1;
        for (int k = 0; k < Rank; k++)
        {
            long shared = extent[k] - Math.Abs(a[k] - b[k]);
            if (shared <= 0) return 0;
            v *= shared;
        }
        return v;
    }
}
