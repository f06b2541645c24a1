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
internal static class Waves
{
    /// <summary>How far back an item's best must be for the next items to prune against it. A constant, so that the
    /// statistics do not depend on the core count: enough items in flight for up to 4 cores to rarely wait, few enough that a
    /// better best reaches the next items soon (AlexNet CONV4 under EDP, Timeloop's race: 113 k evaluations at 4, 209 k at
    /// 16, 161 k with waves of 16 and a barrier).</summary>
    public const int Lag = 4;

    /// <summary>Lowest-bound items the seed pass walks (one per core of the 2-core machine the speed targets are set on).</summary>
    public const int SeedItems = 2;

    /// <summary>
    /// Fills <paramref name="results"/> (indexed like <paramref name="items"/>) and returns the seed pass: a first walk of
    /// the lowest-bound items over maximal tilings only, whose best cost (a cheap, deterministic upper bound; +∞ when the
    /// walkers cannot prune) every item prunes against. Its counts are work done on top of the items'.
    /// </summary>
    public static Mapper.WorkResult Run(List<Mapper.WorkItem> items, Mapper.WorkResult[] results, ParallelOptions parallel,
        Func<Walker> newWalker, Func<Walker> newSeedWalker)
    {
        var bounds = new double[items.Count];
        bool prunes = false;
        ItemWalk.Run(bounds, parallel, newWalker, (walker, i) =>
        {
            if (walker.Prunes) prunes = true;
            return walker.Bound(items[i]);
        });
        // Stable: equal bounds keep enumeration order.
        var order = Enumerable.Range(0, items.Count).OrderBy(i => bounds[i]).ToArray();
        var seed = prunes ? Seed(items, order, parallel, newSeedWalker) : new Mapper.WorkResult();
        var window = new LaggedBest(order.Length, seed.BestCost);
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
                    else results[order[j]] = walker.Run(items[order[j]], best);
                    window.Done(j, results[order[j]].BestCost);
                }
                return true;
            }
            catch { window.Fail(); throw; }
        });
        return seed;
    }

    private static void InterlockedMin(ref int target, int value)
    {
        for (int seen = Volatile.Read(ref target); value < seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    // The seed: the lowest-bound items walked with the dominated-tiling skip (a subset of the space, so its best is a cost some
    // mapping of the space reaches). Its work is added to the items' statistics.
    private static Mapper.WorkResult Seed(List<Mapper.WorkItem> items, int[] order, ParallelOptions parallel, Func<Walker> newSeedWalker)
    {
        int count = Math.Min(SeedItems, order.Length);
        var seeds = new Mapper.WorkResult[count];
        ItemWalk.Run(seeds, parallel, newSeedWalker, (walker, k) => walker.Run(items[order[k]]));
        var total = new Mapper.WorkResult { BestCost = seeds.Min(r => r.BestCost) };
        foreach (var r in seeds) total.Add(r);
        return total;
    }
}
