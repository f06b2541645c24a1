using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// The least energy of the terms from level 0 (DRAM) to level 1 over every level-1 tile that fits level 1 and is a multiple
/// of given extents (<see cref="At"/>), for one plan: a table over the lattice of tiles whose extents divide the bounds
/// (perfect factors), each tile priced by <see cref="PartialBound.TopTerms"/>, then the least over multiples taken dim by
/// dim. Built only where it is a bound: level 0 without a fan-out, level 1 bounded and keeping something.
/// </summary>
internal sealed class TopBufferFloor
{
    /// <summary>Largest lattice built (tiles priced): beyond it the bound goes without the floor.</summary>
    public const int MaxPoints = 1 << 16;

    /// <summary>Largest bound of a dim the table indexes directly (a lookup array per dim up to it).</summary>
    public const int MaxBound = 1 << 20;

    private readonly int[][] _position; // per dim, indexed by an extent up to the bound: its divisor's position times the
                                        // dim's stride, or -1 (not a divisor)
    private readonly double[] _least;   // per lattice point: the least energy over the fitting tiles that are its multiples

    private TopBufferFloor(int[][] divisors, int[] stride, double[] least)
    {
        _least = least;
        _position = new int[Dims.Count][];
        for (int d = 0; d < Dims.Count; d++)
        {
            var position = _position[d] = new int[divisors[d][^1] + 1];
            Array.Fill(position, -1);
            for (int i = 0; i < divisors[d].Length; i++) position[divisors[d][i]] = i * stride[d];
        }
    }

    /// <summary>
    /// The floor for <paramref name="problem"/> on <paramref name="arch"/> with each level keeping
    /// <paramref name="keeps"/>, counted under <paramref name="rules"/>; null where it does not apply (fewer than three levels,
    /// a fan-out at level 0, level 1 unbounded or keeping nothing, a bound above <see cref="MaxBound"/> or more than
    /// <see cref="MaxPoints"/> tiles).
    /// </summary>
    public static TopBufferFloor? For(ProblemShape problem, Accelerator arch, TensorSet[] keeps, CountingRules rules)
    {
        int levels = arch.Levels.Count;
        if (levels < 3 || arch.Levels[0].Fanout is not null) return null;
        var capacity = LevelCapacity.Of(arch, keeps)[1];
        if (capacity.AlwaysFits) return null;
        var bounds = problem.Bounds();
        var divisors = new int[Dims.Count][];
        var stride = new int[Dims.Count];
        long points = 1;
        for (int d = Dims.Count - 1; d >= 0; d--)
        {
            if (bounds[d] > MaxBound) return null;
            divisors[d] = Divisors.Of(bounds[d]);
            stride[d] = (int)points;
            points *= divisors[d].Length;
            if (points > MaxPoints) return null;
        }
        var least = new double[points];
        var bound = new PartialBound(problem, arch, rules, background: false);
        var temporal = Enumerable.Range(0, levels).Select(_ => LevelMapping.Ones()).ToArray();
        var unit = Enumerable.Range(0, levels).Select(_ => LevelMapping.Ones()).ToArray();
        Span<long> ext = stackalloc long[Dims.Count];
        for (int p = 0; p < points; p++)
        {
            for (int d = 0; d < Dims.Count; d++)
            {
                int e = divisors[d][p / stride[d] % divisors[d].Length];
                ext[d] = e;
                temporal[1][d] = e;
                temporal[0][d] = bounds[d] / e;
            }
            least[p] = capacity.Holds(problem, ext) ? bound.TopTerms(temporal, unit, keeps) : double.PositiveInfinity;
        }
        // The least over multiples, one dim at a time (the multiples of a point are the product of each dim's multiples).
        for (int d = 0; d < Dims.Count; d++)
        {
            var div = divisors[d];
            for (int p = 0; p < points; p++)
            {
                int i = p / stride[d] % div.Length;
                if (i != 0) continue; // each line once, from its first point
                for (int a = 0; a < div.Length; a++)
                    for (int b = a + 1; b < div.Length; b++)
                        if (div[b] % div[a] == 0) least[p + a * stride[d]] = Math.Min(least[p + a * stride[d]], least[p + b * stride[d]]);
            }
        }
        return new TopBufferFloor(divisors, stride, least);
    }

    /// <summary>The least energy of the level-0-to-level-1 terms over the tiles that fit and are multiples of
    /// <paramref name="ext"/> (+∞: none fits); 0 when an extent does not divide its bound (no floor known).</summary>
    public double At(long[] ext)
    {
        int p = 0;
        for (int d = 0; d < Dims.Count; d++)
        {
            var position = _position[d];
            long e = ext[d];
            if (e >= position.Length || position[e] < 0) return 0;
            p += position[e];
        }
        return _least[p];
    }
}
