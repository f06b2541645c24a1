using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>
/// Runs the work items of an exhaustive search lowest bound first. The item at position j of that order prunes against the
/// best objective of the seed and of every item at least <see cref="Lag"/> positions before it (then against its own best),
/// so what is walked depends on the items alone, never on the number of threads or their timing. No barrier: a thread that
/// finishes takes the next position and waits only while an item <see cref="Lag"/> positions back is still being walked,
/// so a long item does not leave the other cores idle. Once an item's bound exceeds the best it prunes against, no later
/// item (their bounds are no lower, their bests no higher) can reach it: they are counted as pruned by the bound and not
/// walked.
/// </summary>
internal static class BoundOrderWalk
{
    /// <summary>How far back an item's best must be for the next items to prune against it. A constant, so that the
    /// statistics do not depend on the core count: enough items in flight for up to 4 cores to rarely wait, few enough that a
    /// better best reaches the next items soon (AlexNet CONV4 under EDP, Timeloop's race: 113 k evaluations at 4, 209 k at
    /// 16, 161 k with waves of 16 and a barrier).</summary>
    public const int Lag = 4;

    /// <summary>Lowest-bound items the seed pass walks (one per core of the 2-core machine the speed targets are set on).</summary>
    public const int SeedItems = 2;

    /// <summary>
    /// Fills <paramref name="results"/> (indexed like <paramref name="items"/>), every item pruning against
    /// <paramref name="seed"/> (the seed pass's best cost, <see cref="Seed"/>; +∞ when the walkers cannot prune) and the
    /// bests of the items well before it. <paramref name="known"/>: the items' bounds (against the seed) when already
    /// computed (<see cref="UnrollingCut.Build"/>), else null.
    /// </summary>
    public static void Run(List<Mapper.WorkItem> items, Mapper.WorkResult[] results, ParallelOptions parallel,
        Func<Walker> newWalker, double seed, double[]? known = null)
    {
        var bounds = known ?? new double[items.Count];
        // Against the seed: an item whose bound passes it is never walked (every best it prunes against is at most the
        // seed), and it sorts after every item within it whatever value beyond the seed it gets, so its bound may stop there.
        if (known is null) ItemWalk.Run(bounds, parallel, newWalker, (walker, i) => walker.Bound(items[i], seed));
        // Stable: equal bounds keep enumeration order.
        var order = BoundOrder.Ascending(bounds);
        var window = new LaggedBest(order.Length, seed);
        int next = -1, firstBeyond = int.MaxValue;
        int threads = parallel.MaxDegreeOfParallelism > 0 ? parallel.MaxDegreeOfParallelism : Environment.ProcessorCount;
        // One long-lived worker per thread, each with its own walker, taking positions in order until none is left.
        ItemWalk.Run(new bool[Math.Max(1, Math.Min(threads, order.Length))], parallel, newWalker, (walker, _) =>
        {
            try
            {
                for (int j = Interlocked.Increment(ref next); j < order.Length; j = Interlocked.Increment(ref next))
                {
                    // Past an item whose bound exceeded its best, every item would too: no need to wait for that best.
                    if (j > Volatile.Read(ref firstBeyond) || window.Before(j - Lag) is not double best || Incumbent.Beyond(bounds[order[j]], best))
                    {
                        results[order[j]] = new Mapper.WorkResult { BoundPruned = 1 };
                        InterlockedMin(ref firstBeyond, j);
                    }
                    else results[order[j]] = walker.Run(items[order[j]], best, bounded: true);
                    window.Done(j, results[order[j]].BestCost);
                }
                return true;
            }
            catch { window.Fail(); throw; }
        });
    }

    private static void InterlockedMin(ref int target, int value)
    {
        for (int seen = Volatile.Read(ref target); value < seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    /// <summary>
    /// The seed: a first walk of the <see cref="SeedItems"/> lowest-bound of <paramref name="items"/> over maximal tilings
    /// only (the dominated-tiling skip: a subset of the space, so its best is a cost some mapping of the space reaches), a
    /// cheap, deterministic upper bound. Its work is added to the search's statistics.
    /// </summary>
    public static Mapper.WorkResult Seed(List<Mapper.WorkItem> items, ParallelOptions parallel, Func<Walker> newWalker, Func<Walker> newSeedWalker)
    {
        var bounds = new double[items.Count];
        ItemWalk.Run(bounds, parallel, newWalker, (walker, i) => walker.Bound(items[i]));
        var order = BoundOrder.Ascending(bounds).Take(SeedItems).ToArray();
        var seeds = new Mapper.WorkResult[order.Length];
        ItemWalk.Run(seeds, parallel, newSeedWalker, (walker, k) => walker.Run(items[order[k]]));
        var total = new Mapper.WorkResult { BestCost = seeds.Length == 0 ? double.PositiveInfinity : seeds.Min(r => r.BestCost) };
        foreach (var r in seeds) total.Add(r);
        return total;
    }
}
