using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>
/// Runs the work items of an exhaustive search lowest bound first, in waves of a fixed size. Every item of a wave prunes
/// against the best objective of the seed and of all earlier waves (then against its own best), so what is walked depends
/// on the items alone, never on the number of threads or their timing. Once the next item's bound exceeds that best, no
/// later item (their bounds are no lower) can reach it: they are counted as pruned by the bound and not walked.
/// </summary>
internal static class Waves
{
    /// <summary>Items per wave: large enough to keep both cores busy, small enough that the best improves often.</summary>
    public const int Size = 16;

    /// <summary>Lowest-bound items the seed pass walks (one per core of the 2-core machine the speed targets are set on).</summary>
    public const int SeedItems = 2;

    /// <summary>
    /// Fills <paramref name="results"/> (indexed like <paramref name="items"/>) and returns the seed pass: a first walk of
    /// the lowest-bound items over maximal tilings only, whose best cost (a cheap, deterministic upper bound; +∞ when the
    /// walkers cannot prune) every wave prunes against. Its counts are work done on top of the items'.
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
        double best = seed.BestCost;
        for (int start = 0; start < order.Length; start += Size)
        {
            if (Incumbent.Beyond(bounds[order[start]], best))
            {
                for (int k = start; k < order.Length; k++) results[order[k]] = new Mapper.WorkResult { BoundPruned = 1 };
                break;
            }
            int count = Math.Min(Size, order.Length - start);
            double waveBest = best;
            var wave = new Mapper.WorkResult[count];
            ItemWalk.Run(wave, parallel, newWalker, (walker, k) => walker.Run(items[order[start + k]], waveBest));
            for (int k = 0; k < count; k++)
            {
                results[order[start + k]] = wave[k];
                best = Math.Min(best, wave[k].BestCost);
            }
        }
        return seed;
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
