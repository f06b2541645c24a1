using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// Candidate loop orders for one level, keyed by which dims have a factor above 1 there (loops of factor 1 are no-ops, so
/// orders that differ only in them are the same mapping). Up to three non-trivial dims: every permutation. More: the six
/// orders of the three stationarity groups — dims irrelevant to weights (N, P, Q), to inputs (M), to outputs (C, R, S) —
/// innermost group first decides which tensor stays, G outermost. Unit dims follow in canonical order.
/// </summary>
internal static class LoopOrders
{
    /// <summary>The single canonical order (used where order cannot change any count).</summary>
    public static readonly Dim[] Canonical = [Dim.G, Dim.N, Dim.M, Dim.C, Dim.P, Dim.Q, Dim.R, Dim.S];

    // Built after Canonical (static fields initialize in order).
    private static readonly Dim[][][] Cache = BuildAll();

    /// <summary>Candidate orders (outermost first, all eight dims) for a mask of non-trivial dims.</summary>
    public static Dim[][] For(int nonTrivialMask) => Cache[nonTrivialMask];

    /// <summary>
    /// The one order a permutation constraint allows: the level's other non-trivial loops outermost (canonical order), then
    /// the permutation's dims in its order (outermost first), then the unit loops.
    /// </summary>
    public static Dim[] Constrained(int nonTrivialMask, IReadOnlyList<Dim> permutation)
    {
        var free = Canonical.Where(d => (nonTrivialMask & (1 << (int)d)) != 0 && !permutation.Contains(d));
        var listed = permutation.Where(d => (nonTrivialMask & (1 << (int)d)) != 0);
        var order = free.Concat(listed).ToList();
        return [.. order, .. Canonical.Where(d => !order.Contains(d))];
    }

    private static Dim[][][] BuildAll()
    {
        var all = new Dim[1 << Dims.Count][][];
        for (int mask = 0; mask < all.Length; mask++) all[mask] = Build(mask);
        return all;
    }

    private static Dim[][] Build(int mask)
    {
        var active = Canonical.Where(d => (mask & (1 << (int)d)) != 0).ToList();
        var rest = Canonical.Where(d => (mask & (1 << (int)d)) == 0).ToList();
        IEnumerable<List<Dim>> orders;
        if (active.Count <= 3) orders = Permutations(active);
        else
        {
            Dim[][] groups = [[Dim.N, Dim.P, Dim.Q], [Dim.M], [Dim.C, Dim.R, Dim.S]];
            orders = Permutations([0, 1, 2]).Select(perm =>
            {
                var order = new List<Dim>();
                if (active.Contains(Dim.G)) order.Add(Dim.G);
                foreach (var g in perm) order.AddRange(groups[g].Where(active.Contains));
                return order;
            });
        }
        var unique = new Dictionary<string, Dim[]>();
        foreach (var o in orders)
        {
            var full = o.Concat(rest).ToArray();
            unique.TryAdd(string.Concat(o), full);
        }
        return unique.Values.ToArray();
    }

    private static IEnumerable<List<T>> Permutations<T>(List<T> items)
    {
        if (items.Count <= 1) { yield return [.. items]; yield break; }
        for (int i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, k) => k != i).ToList();
            foreach (var p in Permutations(rest)) { p.Insert(0, items[i]); yield return p; }
        }
    }
}
