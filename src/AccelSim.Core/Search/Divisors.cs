using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>Divisors of small bounds, cached (bounds are at most a few thousand).</summary>
internal static class Divisors
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, int[]> Cache = new();

    /// <summary>All divisors of <paramref name="n"/> in ascending order.</summary>
    public static int[] Of(int n) => Cache.GetOrAdd(n, static k =>
    {
        var list = new List<int>();
        for (int d = 1; (long)d * d <= k; d++)
            if (k % d == 0)
            {
                list.Add(d);
                if (d != k / d) list.Add(k / d);
            }
        list.Sort();
        return list.ToArray();
    });
}
