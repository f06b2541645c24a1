namespace AccelSim.Search;

/// <summary>
/// The positions of bounds in ascending order, equal bounds in position order: what a stable sort by bound gives (as
/// <c>OrderBy</c>), with the primitive array sort (no delegate per comparison: a search sorts up to hundreds of thousands of
/// work items, dozens of times per model).
/// </summary>
internal static class BoundOrder
{
    /// <summary>Every index of <paramref name="bounds"/>, lowest bound first, ties by index.</summary>
    public static int[] Ascending(double[] bounds)
    {
        var keys = (double[])bounds.Clone();
        var order = new int[keys.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(keys, order);
        // The array sort is not stable: put each run of equal bounds back in index order.
        for (int start = 0, end; start < keys.Length; start = end)
        {
            end = start + 1;
            while (end < keys.Length && keys[end].CompareTo(keys[start]) == 0) end++;
            if (end - start > 1) Array.Sort(order, start, end - start);
        }
        return order;
    }
}
