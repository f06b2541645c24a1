using System.Diagnostics;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// Searches the mappings a dataflow allows for one layer on one accelerator. The walk: spatial unrollings (best-utilized
/// first), then temporal factors level by level from the innermost outward with capacity pruning (a partial tile that
/// already overflows ends the branch) and branch and bound (<see cref="PartialBound"/> against the best found so far), then loop orders per level from <see cref="LoopOrders"/> (the innermost level's order
/// cannot change any count, so it gets one). Work items run in parallel; the winner is the lowest objective with ties
/// broken by enumeration index, so the result does not depend on the core count.
/// </summary>
public static class Mapper
{
    /// <summary>Finds the best mapping; throws <see cref="MappingException"/> when no valid mapping exists.</summary>
    public static MapperResult Search(ProblemShape problem, Accelerator arch, Dataflow dataflow, MapperOptions? options = null)
    {
        options ??= new MapperOptions();
        if (options.Objective == Objective.LatencySim) return LatencySimSearch.Search(problem, arch, dataflow, options);
        var clock = Stopwatch.StartNew();
        var plans = SearchPlan.CreateAll(problem, arch, dataflow, options.SearchBypass, options.SearchesImperfectTemporal);
        var spatial = SpatialEnumerator.Enumerate(problem, arch, plans[0].Resolved);
        if (spatial.Count == 0) throw new MappingException($"dataflow '{dataflow.Name}' allows no spatial unrolling of {problem} on '{arch.Name}'");
        // No hidden floor beyond the declared candidate count: a utilization floor only when the caller asks for one.
        bool BelowFloor(SpatialCandidate c) => (double)c.Units / arch.MacUnits < options.MinUtilization;
        var eligible = spatial.Where(c => !BelowFloor(c)).ToList();
        var searched = eligible.Take(Math.Max(1, options.SpatialCandidates)).ToList();
        long capped = eligible.Count - searched.Count; // left out by a declared cap (reported: SearchStats.Sound)
        // When no cap binds (the sound search), one unrolling per mirror class: a proof (docs/mapper.md, "Mirrored unrollings").
        int mirrorTwins = 0;
        if (options.MirrorSymmetric is { } symmetric && capped == 0)
        {
            int before = searched.Count;
            searched = SpatialCandidateMirrors.OnePerClass(searched, arch, level => symmetric(arch, level));
            mirrorTwins = before - searched.Count;
        }
        if (searched.Count == 0) throw new MappingException($"no spatial unrolling of {problem} on '{arch.Name}' reaches the minimum utilization {options.MinUtilization:P0}");
        if (options.ImperfectFactors)
        {
            if (options.Counting != CountingRules.AccelSim)
                throw new MappingException("--imperfect: imperfect factors are counted with AccelSim's rules only, not with --counting timeloop");
            // The best-utilized imperfect unrollings are searched on top of the perfect ones, never instead of them, so
            // the search covers the default one and cannot find a worse mapping.
            var imperfect = SpatialEnumerator.Enumerate(problem, arch, plans[0].Resolved, imperfect: true)
                .Where(c => !SpatialEnumerator.IsPerfect(problem, c)).ToList();
            int imperfectCap = Math.Max(1, Math.Min(options.SpatialCandidates, options.ImperfectCandidates));
            searched.AddRange(imperfect.Take(imperfectCap));
            capped += Math.Max(0, imperfect.Count - imperfectCap);
            spatial.AddRange(imperfect);
            // Flattened unrollings where an axis opts in (flatten: true), their best-utilized ones on top as well.
            var flattened = FlattenedUnrollings.Enumerate(problem, arch, plans[0].Resolved);
            int flattenedCap = Math.Max(0, Math.Min(options.SpatialCandidates, options.FlattenedCandidates));
            searched.AddRange(flattened.Take(flattenedCap));
            capped += Math.Max(0, flattened.Count - flattenedCap);
            spatial.AddRange(flattened);
        }
        var incumbent = new Incumbent();
        // The bound's capacity floor of the top buffer (TopBufferFloor), one table per plan: it depends on what level 1 keeps.
        // Its tiles divide the bounds: not with imperfect temporal factors, whose walk has no bound (and whose reported
        // bound must not charge it either).
        if (!options.SearchesImperfectTemporal)
            foreach (var plan in plans) plan.TopFloor = TopBufferFloor.For(problem, arch, plan.Keeps, options.Counting);

        var unrollings = new List<UnrollingCut.Unrolling>();
        foreach (var basePlan in plans)
            foreach (var (candidate, index) in searched.Select((c, i) => (c, i)))
                unrollings.Add(new UnrollingCut.Unrolling(index, candidate, basePlan.WithFlatten(candidate.Flatten)));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads ?? Environment.ProcessorCount };
        // The bound-order walk prunes against a seed: unrollings whose own bound exceeds it get no items (UnrollingCut).
        bool boundOrder = options.RandomSamples == 0 && options.CollectWindow is null;
        UnrollingCut.Built built;
        try
        {
            built = boundOrder
                ? UnrollingCut.Build(unrollings, parallel, () => new Walker(plans[0], options, incumbent),
                    () => new Walker(plans[0], options with { MaximalTilesOnly = true }, incumbent))
                : UnrollingCut.All(unrollings);
        }
        catch (AggregateException e) { ParallelErrors.Rethrow(e); throw; }
        var (items, seed, unrollingsCut) = (built.Items, built.Seed, built.LeftOut);

        var results = new WorkResult[items.Count];
        try
        {
            if (options.RandomSamples > 0)
                RunSampled(plans[0], items, results, options, parallel, incumbent);
            else if (options.CollectWindow is not null)
                // latency-sim's second walk collects every mapping within its window: the bound-order walk would prune against the
                // best found instead, so each walker prunes against the window alone.
                ItemWalk.Run(results, parallel, () => new Walker(plans[0], options, incumbent), (walker, i) => walker.Run(items[i]));
            else
                BoundOrderWalk.Run(items, results, parallel, () => new Walker(plans[0], options, incumbent), seed.BestCost, built.Bounds);
        }
        catch (AggregateException e) { ParallelErrors.Rethrow(e); }

        WorkResult? best = null;
        // Items left out when built (their bound beyond the seed) count as pruned by the bound, as the walk counts them.
        var total = new WorkResult { BoundPruned = built.ItemsCut };
        total.Add(seed);
        foreach (var r in results)
        {
            total.Add(r);
            if (r.Best is not null && (best?.Best is null || r.BestCost < best.BestCost
                || (r.BestCost == best.BestCost && r.BestTieBreak < best.BestTieBreak))) best = r;
        }
        if (best?.Best is null)
            throw new MappingException($"no valid mapping of {problem} on '{arch.Name}' under '{dataflow.Name}': "
                + $"every candidate overflows a buffer ({total.Pruned} partial tilings pruned by capacity)");
        // The tied set must not miss what the dominated-tiling skip left out: the items holding a tie are walked in full.
        if (options.SimulationCap > 0 && options.MaximalTilesOnly && options.RandomSamples == 0 && options.CollectWindow is null)
        {
            var (work, top) = TiedItems.Rewalk(items, results, best.BestCost, options, parallel);
            total.Add(work);
            if (top is not null && (top.BestCost < best.BestCost || (top.BestCost == best.BestCost && top.BestTieBreak < best.BestTieBreak))) best = top;
        }
        // Among the mappings tied with the best (or latency-sim's window), the fewest simulated cycles win (SimulatedPick).
        var pick = options.SimulationCap > 0
            ? SimulatedPick.Run(problem, arch, results, options.CollectWindow is null ? best.BestCost : null, options)
            : null;
        var chosen = pick?.Winner?.Mapping ?? best.Best!;
        // The walk only generates what the constraints allow; a broken one here is a mapper bug, never a result.
        var broken = MappingValidator.Check(problem, arch, chosen, dataflow);
        if (broken.Count > 0) throw new InvalidOperationException($"mapper bug: the best mapping breaks a constraint: {string.Join("; ", broken)}");
        var evaluation = AnalyticalModel.Evaluate(problem, arch, chosen, options.Counting);
        var stats = new SearchStats(spatial.Count, searched.Count, plans.Sum(p => spatial.Sum(c => p.WithFlatten(c.Flatten).TilingCount(c))), total.Factorizations, total.Pruned, total.Dominated, total.Evaluations, clock.Elapsed)
        {
            BoundPruned = total.BoundPruned + unrollingsCut,
            TiesCut = total.TiesCut,
            MovedInward = total.MovedInward,
            UnrollingsCut = unrollingsCut,
            SeedCost = seed.BestCost,
            MinUtilization = options.MinUtilization,
            SpatialBelowMinUtilization = spatial.Count(BelowFloor),
            SpatialCapped = capped,
            MirrorTwins = mirrorTwins,
            DominatedSkip = options.MaximalTilesOnly || options.SkipsDominatedImperfect,
            Sampled = options.RandomSamples > 0,
            Simulation = pick is null ? null : new SimulatedPickStats(pick.Candidates, pick.Simulated, pick.Skipped, pick.Capped, pick.TooLong, pick.Proven, pick.WinnerCycles),
        };
        return new MapperResult(chosen, evaluation, SpaceBound(problem, arch, plans, searched, options.Counting), stats, dataflow.Name);
    }

    // The reported lower bound of the searched space: the least spatial-only bound (PartialBound with no temporal level
    // fixed) over every plan and searched unrolling, never below the compulsory DRAM traffic of EnergyLowerBound.
    private static double SpaceBound(ProblemShape problem, Accelerator arch, List<SearchPlan> plans, List<SpatialCandidate> searched, CountingRules rules)
    {
        // PartialBound knows no joint dims: with flattened unrollings searched, the compulsory traffic alone is the bound.
        if (searched.Any(c => c.Flatten.Count > 0)) return EnergyLowerBound.Of(problem, arch);
        var bound = new PartialBound(problem, arch, rules, background: false); // reported beside the access energy
        var noTemporal = Enumerable.Range(0, arch.Levels.Count).Select(_ => LevelMapping.Ones()).ToArray();
        double least = double.PositiveInfinity;
        foreach (var plan in plans)
            foreach (var c in searched)
            {
                // The capacity floor covers perfect unrollings only (their tiles divide the bounds).
                bound.TopFloor = SpatialEnumerator.IsPerfect(problem, c) ? plan.TopFloor : null;
                least = Math.Min(least, bound.Of(plan.Levels, noTemporal, c.X, c.Y, plan.Keeps, out _));
            }
        // The bound sums the same terms as the evaluation in another order: shave its rounding so it stays a bound.
        return Math.Max(least / (1 + Incumbent.RoundingMargin), EnergyLowerBound.Of(problem, arch));
    }

    // Seeded random sampling: each work item draws its share of samples with its own seed, so results are reproducible.
    private static void RunSampled(SearchPlan plan, List<WorkItem> items, WorkResult[] results, MapperOptions options, ParallelOptions parallel, Incumbent incumbent)
    {
        long perItem = Math.Max(1, options.RandomSamples / Math.Max(1, items.Count));
        ItemWalk.Run(results, parallel, () => new Walker(plan, options, incumbent),
            (walker, i) => walker.Sample(items[i], perItem, new Random(HashCode.Combine(options.Seed, i))));
    }

    internal sealed record WorkItem(int SpatialIndex, SpatialCandidate Spatial, int[] Innermost, SearchPlan Plan)
    {
        /// <summary>Position in the search's item list: the first part of the enumeration index.</summary>
        public int Index { get; init; }

        /// <summary>The innermost tilings of every item of the same plan and unrolling (the inward move's targets, InwardMove).</summary>
        public IReadOnlySet<int[]>? Siblings { get; init; }
    }

    internal sealed class WorkResult
    {
        public LoopMapping? Best;
        public double BestCost = double.PositiveInfinity, BestTieBreak = double.PositiveInfinity;
        public long Factorizations, Pruned, Dominated, Evaluations, BoundPruned, TiesCut, MovedInward;
        public CandidateSet? Candidates; // for the simulated pick (null when it is off)

        /// <summary>Adds another result's counts (not its best).</summary>
        public void Add(WorkResult other)
        {
            Factorizations += other.Factorizations; Pruned += other.Pruned; Dominated += other.Dominated;
            Evaluations += other.Evaluations; BoundPruned += other.BoundPruned; TiesCut += other.TiesCut; MovedInward += other.MovedInward;
        }
    }
}
