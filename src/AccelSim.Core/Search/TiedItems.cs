using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>
/// Completes the tied set for the simulated tie-break when the walk skipped dominated tilings. The skip keeps the largest
/// tile at each level, and among mappings of equal energy the smaller tiles are the ones that overlap transfers with
/// compute (tpu-v1 MobileNet v1 conv4_pw: P looped at DRAM instead of the Accumulators lets the Unified Buffer load the
/// next rows while the array computes). So every work item holding a mapping tied with the best is walked again without
/// the skip, pruned by the bound against the best objective from the start (only mappings that can tie survive).
/// </summary>
internal static class TiedItems
{
    /// <summary>
    /// Re-walks the items whose best is <paramref name="best"/>, replacing their results (each re-walk covers the first walk
    /// of its item); returns the work the re-walks did and the best re-walked result.
    /// </summary>
    public static (Mapper.WorkResult Work, Mapper.WorkResult? Best) Rewalk(List<Mapper.WorkItem> items, Mapper.WorkResult[] results,
        double best, MapperOptions options, ParallelOptions parallel)
    {
        var tied = Enumerable.Range(0, items.Count).Where(i => results[i].BestCost == best).ToArray();
        var full = options with { MaximalTilesOnly = false };
        var again = new Mapper.WorkResult[tied.Length];
        ItemWalk.Run(again, parallel, () => new Walker(items[0].Plan, full, new Incumbent()), (walker, k) => walker.Run(items[tied[k]], best));
        var work = new Mapper.WorkResult();
        Mapper.WorkResult? top = null;
        for (int k = 0; k < tied.Length; k++)
        {
            var r = again[k];
            work.Add(r);
            results[tied[k]] = r;
            if (r.Best is not null && (top is null || r.BestCost < top.BestCost || (r.BestCost == top.BestCost && r.BestTieBreak < top.BestTieBreak))) top = r;
        }
        return (work, top);
    }
}
