using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// The imperfect spatial factors the mapper tries (docs/mapper.md). Unrolling n iterations over f units takes ⌈n ÷ f⌉
/// folds; among the factors that give the same number of folds the smallest does the same work with the fewest units
/// (the others only idle more units in the last fold), so for each fold count k only ⌈n ÷ k⌉ is tried. That is every
/// divisor of n plus at most about 2√n others.
/// </summary>
internal static class SpatialFactors
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, int[]> Cache = new();

    /// <summary>⌈n ÷ k⌉ for every fold count k, ascending (1 and every divisor of n included).</summary>
    public static int[] Imperfect(int n) => Cache.GetOrAdd(n, static m =>
    {
        var set = new SortedSet<int>();
        for (int k = 1; k <= m; k++) set.Add((m + k - 1) / k);
        return set.ToArray();
    });

    /// <summary>What is left of <paramref name="n"/> iterations after a factor <paramref name="f"/>: ⌈n ÷ f⌉.</summary>
    public static int Left(int n, int f) => (n + f - 1) / f;

    /// <summary>
    /// Units of a spatial candidate that do work on average: per dim, its bound spread over the folds its spatial factors
    /// need (the whole product for a perfect unrolling).
    /// </summary>
    public static double BusyUnits(ProblemShape problem, SpatialCandidate candidate)
    {
        double busy = 1;
        var bounds = candidate.Bounds(problem);
        foreach (var d in Dims.All)
        {
            long product = 1;
            for (int i = 0; i < candidate.X.Length; i++) product *= (long)candidate.X[i][(int)d] * candidate.Y[i][(int)d];
            long folds = (bounds[(int)d] + product - 1) / product;
            busy *= (double)bounds[(int)d] / folds;
        }
        return busy;
    }
}
