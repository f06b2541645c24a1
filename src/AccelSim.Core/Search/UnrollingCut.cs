using AccelSim.Mapping;
using AccelSim.Workloads;

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

    /// <summary>
    /// The work items of a search and what building them found: the items to walk, their bounds where already known
    /// (aligned with the items; null: not computed), the seed, how many unrollings were left out by their bound and how
    /// many items by theirs.
    /// </summary>
    public sealed record Built(List<Mapper.WorkItem> Items, double[]? Bounds, Mapper.WorkResult Seed, long LeftOut, long ItemsCut);

    /// <summary>Every item of <paramref name="unrollings"/> (in order), with no cut.</summary>
    public static Built All(IReadOnlyList<Unrolling> unrollings) =>
        new(Number(unrollings.Select(ItemsOf).ToList(), null), null, new Mapper.WorkResult(), 0, 0);

    /// <summary>
    /// The items of the unrollings whose bound does not exceed the seed, each bounded as it is built and kept only when its
    /// bound does not exceed the seed either (with its bound), the seed (walked over maximal tilings, as
    /// <see cref="BoundOrderWalk"/> describes) and how many unrollings and items were left out.
    /// </summary>
    public static Built Build(IReadOnlyList<Unrolling> unrollings, ParallelOptions parallel, Func<Walker> newWalker, Func<Walker> newSeedWalker)
    {
        var bounds = new double[unrollings.Count];
        bool prunes = false;
        ItemWalk.Run(bounds, parallel, newWalker, (walker, u) =>
        {
            if (walker.Prunes) prunes = true;
            var probe = new Mapper.WorkItem(unrollings[u].SpatialIndex, unrollings[u].Spatial, LevelMapping.Ones(), unrollings[u].Plan);
            return walker.UnrollingBound(probe);
        });
        if (!prunes) return All(unrollings);
        // Stable: equal bounds keep enumeration order.
        var order = BoundOrder.Ascending(bounds);
        // The seed is walked from the items of the lowest-bound unrollings (kept too: their bounds are the lowest).
        var seedItems = order.Take(SeedUnrollings).Select(u => ItemsOf(unrollings[u])).ToList();
        var seed = BoundOrderWalk.Seed(Number(seedItems, null), parallel, newWalker, newSeedWalker);
        var kept = Enumerable.Range(0, unrollings.Count).Where(u => !Incumbent.Beyond(bounds[u], seed.BestCost)).ToArray();
        // Each kept unrolling's items are bounded as they are built (Bounded): an item whose bound exceeds
        // the seed is never walked, so it is counted as pruned by the bound and not kept.
        var built = new Group[kept.Length];
        ItemWalk.Run(built, parallel, newWalker, (walker, k) => Bounded(unrollings[kept[k]], walker, seed.BestCost));
        var itemBounds = new List<double>();
        foreach (var g in built) itemBounds.AddRange(g.Bounds);
        return new Built(Number(built.Select(g => g.Items).ToList(), built.Select(g => g.Count).ToList()), itemBounds.ToArray(), seed,
            unrollings.Count - kept.Length, built.Sum(g => (long)(g.Count - g.Items.Count)));
    }

    // One unrolling's items within the seed, their bounds and how many items the unrolling has in all.
    private sealed record Group(List<Mapper.WorkItem> Items, List<double> Bounds, int Count);

    // The items of one unrolling whose bound (Walker.Bound against the seed) does not exceed the seed, with their bounds, and
    // how many it has in all. Each innermost tiling is bounded through one probe item and only the kept ones become items
    // (most are not: a search can have millions). Each keeps its position among the unrolling's items (Index, renumbered
    // by Number) so the enumeration index stays as when every item was kept.
    private static Group Bounded(Unrolling u, Walker walker, double seed)
    {
        var inners = u.Plan.InnermostChoices(u.Spatial);
        var probe = new Mapper.WorkItem(u.SpatialIndex, u.Spatial, new int[Dims.Count], u.Plan);
        var groupCut = GroupsCut(inners, walker, probe, seed);
        var kept = new List<int>();
        var bounds = new List<double>();
        for (int i = 0; i < inners.Count; i++)
        {
            if (groupCut[i]) continue;
            Array.Copy(inners[i], probe.Innermost, Dims.Count);
            double bound = walker.Bound(probe, seed);
            if (Incumbent.Beyond(bound, seed)) continue;
            kept.Add(i);
            bounds.Add(bound);
        }
        // The siblings (every innermost tiling, the inward move's targets) only where an item is kept: most unrollings keep none.
        var siblings = kept.Count > 0 ? SiblingsOf(inners) : null;
        var items = kept.Select(i => new Mapper.WorkItem(u.SpatialIndex, u.Spatial, inners[i], u.Plan) { Siblings = siblings, Index = i }).ToList();
        return new Group(items, bounds, inners.Count);
    }

    /// <summary>The dim a group of innermost tilings leaves open (<see cref="Walker.GroupBound"/>): C. On eyeriss-isca2016,
    /// groups open on C cut 131,341 of DenseNet-121 dense1_5_conv1's 151,647 tilings before their own bounds (docs/mapper.md,
    /// "Groups of innermost tilings"); N and G are 1 in most layers, and M may not be open (its loops are runs).</summary>
    public const int GroupOpen = 1 << (int)Dim.C;

    // Per innermost tiling, true when its group's bound exceeds the seed: the tilings that agree outside the open dim
    // (GroupOpen), bounded together over 1..their largest factor there, wherever a group has several members. Every
    // mapping of a cut tiling costs more than the seed, a cost some mapping reaches: none is the optimum or tied with it.
    private static bool[] GroupsCut(List<int[]> inners, Walker walker, Mapper.WorkItem probe, double seed)
    {
        var cut = new bool[inners.Count];
        if (!walker.BoundsGroups) return cut; // no group bound on this architecture: no grouping work either
        var groups = new Dictionary<int[], List<int>>(TilingComparer.Instance);
        for (int i = 0; i < inners.Count; i++)
        {
            var key = (int[])inners[i].Clone();
            for (int d = 0; d < Dims.Count; d++) if ((GroupOpen & (1 << d)) != 0) key[d] = 1;
            if (!groups.TryGetValue(key, out var members)) groups[key] = members = [];
            members.Add(i);
        }
        var high = new int[Dims.Count];
        foreach (var (key, members) in groups)
        {
            if (members.Count < 2) continue;
            for (int d = 0; d < Dims.Count; d++) high[d] = members.Max(i => inners[i][d]);
            Array.Copy(key, probe.Innermost, Dims.Count);
            if (!Incumbent.Beyond(walker.GroupBound(probe, GroupOpen, high, seed), seed)) continue;
            foreach (int i in members) cut[i] = true;
        }
        return cut;
    }

    // The items of one unrolling: one per innermost tiling, each knowing its siblings (the inward move's targets).
    private static List<Mapper.WorkItem> ItemsOf(Unrolling u)
    {
        var inners = u.Plan.InnermostChoices(u.Spatial);
        var siblings = SiblingsOf(inners);
        return inners.Select((inner, i) => new Mapper.WorkItem(u.SpatialIndex, u.Spatial, inner, u.Plan) { Siblings = siblings, Index = i }).ToList();
    }

    // An unrolling's innermost tilings as a set (the inward move's targets, InwardMove), looked up by value.
    private static HashSet<int[]> SiblingsOf(List<int[]> inners) => new(inners, TilingComparer.Instance);

    // Concatenates in order and numbers the items (WorkItem.Index: the first part of the enumeration index): each its
    // position among every item of the unrollings, kept or not (`counts`: each group's items in all; null: the groups hold
    // every item), from the position it holds within its group (Index).
    private static List<Mapper.WorkItem> Number(List<List<Mapper.WorkItem>> groups, List<int>? counts)
    {
        var items = new List<Mapper.WorkItem>();
        int offset = 0;
        for (int g = 0; g < groups.Count; g++)
        {
            foreach (var item in groups[g]) items.Add(item with { Index = offset + item.Index });
            offset += counts?[g] ?? groups[g].Count;
        }
        return items;
    }
}
