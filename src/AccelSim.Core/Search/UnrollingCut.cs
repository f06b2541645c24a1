using AccelSim.Mapping;

namespace AccelSim.Search;

/// <summary>
/// Builds the work items of a search, unrolling by unrolling, and the seed the items prune against. An unrolling can have
/// hundreds of innermost tilings (a grouped layer on simba: 13,696 unrollings, 815,850 items), and building and bounding
/// every item cost more than walking the few that survive. So each unrolling is bounded alone first (its spatial factors
/// fixed, every temporal level free: a bound on every item it has), the seed is walked from the lowest-bound items of the
/// lowest-bound unrollings, and only the unrollings whose bound does not exceed the seed get items. An unrolling left out
/// holds no mapping that can reach the seed's cost, a cost some mapping of the space reaches, so the search's optimum and
/// every mapping tied with it are in the items built. Each left-out unrolling counts as one partial mapping pruned by the
/// bound. Items keep the enumeration order (plans, then unrollings, then innermost tilings), so their indexes, the last
/// tie-break, order them as when every item was built.
/// </summary>
internal static class UnrollingCut
{
    /// <summary>Lowest-bound unrollings whose items the seed is drawn from.</summary>
    public const int SeedUnrollings = 4;

    /// <summary>A spatial unrolling under a plan: the items' common part.</summary>
    public sealed record Unrolling(int SpatialIndex, SpatialCandidate Spatial, SearchPlan Plan);

    /// <summary>Every item of <paramref name="unrollings"/> (in order), with no cut.</summary>
    public static List<Mapper.WorkItem> All(IReadOnlyList<Unrolling> unrollings) => Number(unrollings.Select(ItemsOf));

    /// <summary>
    /// The items of the unrollings whose bound does not exceed the seed, the seed (walked over maximal tilings, as
    /// <see cref="BoundOrderWalk"/> describes) and how many unrollings were left out.
    /// </summary>
    public static (List<Mapper.WorkItem> Items, Mapper.WorkResult Seed, long LeftOut) Build(IReadOnlyList<Unrolling> unrollings,
        ParallelOptions parallel, Func<Walker> newWalker, Func<Walker> newSeedWalker)
    {
        var bounds = new double[unrollings.Count];
        bool prunes = false;
        ItemWalk.Run(bounds, parallel, newWalker, (walker, u) =>
        {
            if (walker.Prunes) prunes = true;
            var probe = new Mapper.WorkItem(unrollings[u].SpatialIndex, unrollings[u].Spatial, LevelMapping.Ones(), unrollings[u].Plan);
            return walker.UnrollingBound(probe);
        });
        if (!prunes) return (All(unrollings), new Mapper.WorkResult(), 0);
        // Stable: equal bounds keep enumeration order.
        var order = BoundOrder.Ascending(bounds);
        // The seed's unrollings have the lowest bounds, so they are kept: their items are built once, for both.
        var seedUnrollings = order.Take(SeedUnrollings).ToArray();
        var seedGroups = seedUnrollings.ToDictionary(u => u, u => ItemsOf(unrollings[u]));
        var seed = BoundOrderWalk.Seed(Number(seedUnrollings.Select(u => seedGroups[u])), parallel, newWalker, newSeedWalker);
        var kept = Enumerable.Range(0, unrollings.Count).Where(u => !Incumbent.Beyond(bounds[u], seed.BestCost)).ToArray();
        var built = new List<Mapper.WorkItem>[kept.Length];
        Parallel.For(0, kept.Length, parallel, k => built[k] = seedGroups.TryGetValue(kept[k], out var group) ? group : ItemsOf(unrollings[kept[k]]));
        return (Number(built), seed, unrollings.Count - kept.Length);
    }

    // The items of one unrolling: one per innermost tiling, each knowing its siblings (the inward move's targets).
    private static List<Mapper.WorkItem> ItemsOf(Unrolling u)
    {
        var inners = u.Plan.InnermostChoices(u.Spatial);
        var siblings = new HashSet<int[]>(inners, TilingComparer.Instance);
        return inners.Select(inner => new Mapper.WorkItem(u.SpatialIndex, u.Spatial, inner, u.Plan) { Siblings = siblings }).ToList();
    }

    // Concatenates in order and numbers the items (WorkItem.Index: their position, the first part of the enumeration index).
    private static List<Mapper.WorkItem> Number(IEnumerable<List<Mapper.WorkItem>> groups)
    {
        var items = new List<Mapper.WorkItem>();
        foreach (var group in groups)
            foreach (var item in group) items.Add(item with { Index = items.Count });
        return items;
    }
}
