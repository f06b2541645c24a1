namespace AccelSim.Search;

/// <summary>Divisors of small bounds, cached (bounds are at most a few thousand).</summary>
internal static class Divisors
{
    // Bounds up to this are cached in an array (the walk asks millions of times per layer); larger ones in a dictionary.
    private const int Direct = 1 << 14;
    private static readonly int[]?[] Small = new int[]?[Direct + 1];
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, int[]> Large = new();

    /// <summary>All divisors of <paramref name="n"/> in ascending order.</summary>
    public static int[] Of(int n)
    {
        if ((uint)n > Direct) return Large.GetOrAdd(n, Compute);
        // Two threads may compute the same list at once: both store equal arrays, either one is then read.
        return Volatile.Read(ref Small[n]) ?? (Small[n] = Compute(n));
    }

    private static int[] Compute(int k)
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
    }
}
