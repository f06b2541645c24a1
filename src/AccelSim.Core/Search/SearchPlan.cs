using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// What a dataflow and an accelerator fix before the walk (their constraints resolved per level by
/// <see cref="ConstraintResolver"/>): what each level keeps, which dims each level may loop over and with which factors,
/// and the capacity check used for pruning.
/// </summary>
internal sealed class SearchPlan
{
    public ProblemShape Problem { get; }
    public Accelerator Arch { get; }
    public Dataflow Dataflow { get; }
    public int Levels { get; }
    public TensorSet[] Keeps { get; }
    /// <summary>Per level, a mask of the dims that may have a temporal factor above 1 (level 0 takes whatever is left).</summary>
    public int[] TemporalMask { get; }
    /// <summary>Per level, dims whose whole remaining bound must stay at that level.</summary>
    public int[] WholeMask { get; }
    /// <summary>
    /// Temporal factors of <see cref="ImperfectLevel"/> need not divide what is left (<c>--imperfect</c>): per count k of
    /// the outer iterations only ⌈left ÷ k⌉ (<see cref="TemporalFactors"/>, docs/mapper.md "Imperfect factors").
    /// </summary>
    public bool ImperfectTemporal { get; private init; }

    private SearchPlan(ProblemShape problem, Accelerator arch, Dataflow dataflow, ResolvedConstraints resolved, IReadOnlyDictionary<int, TensorSet>? bypass = null)
    {
        Problem = problem; Arch = arch; Dataflow = dataflow; Resolved = resolved;
        Levels = arch.Levels.Count;
        Keeps = new TensorSet[Levels];
        TemporalMask = new int[Levels];
        WholeMask = new int[Levels];
        for (int i = 0; i < Levels; i++)
        {
            var c = resolved.Levels[i];
            Keeps[i] = resolved.Kept[i];
            if (bypass is not null && bypass.TryGetValue(i, out var kept)) Keeps[i] = kept;
            foreach (var d in Dims.All)
            {
                bool fixedOne = c.Factors.TryGetValue(d, out var allowed) && allowed.All(f => f == 1);
                if (c.MayLoop(d) && !fixedOne) TemporalMask[i] |= 1 << (int)d;
                if (allowed is [0]) WholeMask[i] |= 1 << (int)d;
            }
            WholeMask[i] &= TemporalMask[i];
            // A level that keeps nothing has no loops of its own worth having: they would only repeat the level below.
            if (i > 0 && Keeps[i] == TensorSet.None) TemporalMask[i] = 0;
        }
        _capacity = LevelCapacity.Of(arch, Keeps);
    }

    /// <summary>The capacity floor of the bound (<see cref="TopBufferFloor"/>), set by the mapper; null: none.</summary>
    public TopBufferFloor? TopFloor { get; set; }

    /// <summary>The dataflow's and the architecture's constraints, resolved per level.</summary>
    public ResolvedConstraints Resolved { get; }

    /// <summary>Flattened axes of the unrollings this plan walks (empty for ordinary ones; <see cref="WithFlatten"/>).</summary>
    public IReadOnlyList<FlattenGroup> Flatten { get; private init; } = [];

    /// <summary>The bounds the factors cover per dim (a group's joint bound on its first member, 1 on its other members).</summary>
    public int[] Bounds => _bounds ??= FlattenedBounds.Of(Problem, Flatten);
    private int[]? _bounds;

    // A copy for unrollings with flattened axes: a joint dim may loop at a level only where every member may (and is kept
    // whole there if any member must be); its other members never loop.
    private SearchPlan(SearchPlan source, IReadOnlyList<FlattenGroup> flatten)
    {
        Problem = source.Problem; Arch = source.Arch; Dataflow = source.Dataflow; Resolved = source.Resolved;
        Levels = source.Levels; Keeps = source.Keeps; ImperfectTemporal = source.ImperfectTemporal;
        _capacity = source._capacity;
        TemporalMask = (int[])source.TemporalMask.Clone();
        WholeMask = (int[])source.WholeMask.Clone();
        Flatten = flatten;
        for (int i = 0; i < Levels; i++)
            foreach (var g in flatten)
            {
                int first = 1 << (int)g.First;
                bool all = g.Members.All(d => (TemporalMask[i] & (1 << (int)d)) != 0);
                bool whole = g.Members.Any(d => (WholeMask[i] & (1 << (int)d)) != 0);
                foreach (var d in g.Members) { TemporalMask[i] &= ~(1 << (int)d); WholeMask[i] &= ~(1 << (int)d); }
                if (all) TemporalMask[i] |= first;
                if (all && whole) WholeMask[i] |= first;
            }
    }

    /// <summary>This plan for unrollings with the flattened axes <paramref name="flatten"/> (itself when there are none).</summary>
    public SearchPlan WithFlatten(IReadOnlyList<FlattenGroup> flatten) => flatten.Count == 0 ? this : new SearchPlan(this, flatten);

    /// <summary>True when the level's constraints allow temporal factor <paramref name="f"/> of a dim with <paramref name="left"/> left.</summary>
    public bool AllowedFactor(int level, int dim, int f, int left) =>
        !Resolved.Levels[level].Factors.TryGetValue((Dim)dim, out var allowed) || allowed.Any(a => a == f || (a == 0 && f == left));

    public static SearchPlan Create(ProblemShape problem, Accelerator arch, Dataflow dataflow) =>
        new(problem, arch, dataflow, ConstraintResolver.Resolve(arch, dataflow));

    /// <summary>
    /// The plan with the default keeps first, then, when <paramref name="searchBypass"/>, one plan per other choice of
    /// kept tensors: every subset of each level's optional keeps (<c>may_keep</c> at the buffers, or in a level's
    /// constraints) on top of the rest, in a fixed order. A level without optional keeps is never varied.
    /// </summary>
    public static List<SearchPlan> CreateAll(ProblemShape problem, Accelerator arch, Dataflow dataflow, bool searchBypass, bool imperfect = false)
    {
        var resolved = ConstraintResolver.Resolve(arch, dataflow);
        var first = new SearchPlan(problem, arch, dataflow, resolved) { ImperfectTemporal = imperfect };
        var plans = new List<SearchPlan> { first };
        if (!searchBypass) return plans;
        var free = Enumerable.Range(1, first.Levels - 1).Where(i => resolved.Optional[i] != TensorSet.None).ToList();
        var choices = free.Select(i =>
            Subsets(resolved.Optional[i]).Select(optional => (resolved.Kept[i] & ~resolved.Optional[i]) | optional).ToList()).ToList();
        var index = new int[free.Count];
        while (true)
        {
            int k = free.Count - 1;
            while (k >= 0 && ++index[k] == choices[k].Count) { index[k] = 0; k--; }
            if (k < 0) break;
            var bypass = free.Select((level, j) => (level, choices[j][index[j]])).ToDictionary(p => p.level, p => p.Item2);
            plans.Add(new SearchPlan(problem, arch, dataflow, resolved, bypass) { ImperfectTemporal = imperfect });
        }
        return plans;
    }

    // Every subset of a tensor set, the full set first (index 0 is the architecture's own choice).
    private static IEnumerable<TensorSet> Subsets(TensorSet set)
    {
        for (int mask = (int)set; ; mask = (mask - 1) & (int)set)
        {
            yield return (TensorSet)mask;
            if (mask == 0) yield break;
        }
    }

    /// <summary>
    /// Temporal tilings of one spatial candidate before any pruning: per dim, the ways to split what is left of its bound
    /// over the levels that may loop over it (level 0 always; a dim kept whole at one level has one way), multiplied.
    /// </summary>
    public double TilingCount(SpatialCandidate spatial)
    {
        var remaining = Remaining(spatial);
        double count = 1;
        for (int d = 0; d < Dims.Count; d++)
        {
            bool whole = false;
            int levels = 1; // level 0 takes the remainder
            for (int i = 1; i < Levels; i++)
            {
                if ((TemporalMask[i] & (1 << d)) == 0) continue;
                if ((WholeMask[i] & (1 << d)) != 0) whole = true;
                levels++;
            }
            if (whole) continue;
            bool imperfectHere = ImperfectTemporal && ImperfectLevel < Levels && (TemporalMask[ImperfectLevel] & (1 << d)) != 0;
            count *= imperfectHere ? ImperfectTilings(remaining[d], levels - 2) : OrderedSplits(remaining[d], levels);
        }
        return count;
    }

    /// <summary>
    /// The temporal factors tried for a dim with <paramref name="left"/> iterations left: its divisors, or with imperfect
    /// temporal factors ⌈left ÷ k⌉ for every count k of the level's iterations (ascending either way).
    /// </summary>
    public int[] TemporalFactors(int level, int left) => ImperfectTemporal && level == ImperfectLevel ? SpatialFactors.Imperfect(left) : Divisors.Of(left);

    /// <summary>
    /// The one level whose temporal factors may be imperfect: the outermost under the backing store, whose tile the loops
    /// above refill from DRAM (Ruby's case: a tile that fits that buffer better). The levels inside it keep divisors.
    /// </summary>
    public const int ImperfectLevel = 1;

    // Tilings of n with an imperfect level outside `inner` perfect levels: the perfect levels take a product q dividing n
    // (ordered splits), the imperfect level then one of ⌈(n ÷ q) ÷ k⌉, the outermost level the rest.
    private static double ImperfectTilings(int n, int inner)
    {
        double count = 0;
        foreach (int q in Divisors.Of(n)) count += OrderedSplits(q, inner) * SpatialFactors.Imperfect(n / q).Length;
        return count;
    }

    // Ways to write n as an ordered product of k factors: for each prime power p^a, C(a + k − 1, k − 1).
    private static double OrderedSplits(int n, int k)
    {
        double ways = 1;
        for (int p = 2; n > 1; p++)
        {
            int a = 0;
            while (n % p == 0) { n /= p; a++; }
            for (int j = 1; j <= a; j++) ways = ways * (k - 1 + j) / j;
        }
        return ways;
    }

    /// <summary>Bounds left for temporal loops once a spatial candidate is applied (rounded up: an imperfect spatial factor
    /// leaves ⌈bound ÷ factor⌉ iterations, the last one partial).</summary>
    public int[] Remaining(SpatialCandidate spatial)
    {
        var r = (int[])Bounds.Clone();
        for (int i = 0; i < Levels; i++)
            for (int d = 0; d < Dims.Count; d++) r[d] = SpatialFactors.Left(r[d], spatial.X[i][d] * spatial.Y[i][d]);
        return r;
    }

    /// <summary>Temporal factors of the innermost level that fit it (the first split of the work).</summary>
    public List<int[]> InnermostChoices(SpatialCandidate spatial)
    {
        var result = new List<int[]>();
        int level = Levels - 1;
        var remaining = Remaining(spatial);
        var factors = LevelMapping.Ones();
        var below = new long[Dims.Count];
        Array.Fill(below, 1L);
        EnumerateLevel(level, 0, remaining, factors, spatial, below, f =>
        {
            if (FitsOuter(level, f, spatial, below)) result.Add((int[])f.Clone());
        }, () => { });
        return result;
    }

    /// <summary>
    /// Enumerates the temporal factors of one level dim by dim; <paramref name="belowExt"/> is the tile extent under the level
    /// (child tile × this level's spatial factors). A partial choice whose tile already overflows is pruned.
    /// </summary>
    /// <paramref name="cut"/>, when given, is asked after each dim's factor is chosen (the later dims still at 1) whether no
    /// completion of the partial choice can be worth walking (the walker's bound on a partly chosen level); if so the choice
    /// is skipped.
    public void EnumerateLevel(int level, int dim, int[] remaining, int[] factors, SpatialCandidate spatial, long[] belowExt,
        Action<int[]> complete, Action pruned, Func<int, bool>? cut = null)
    {
        if (level == 0) // no choice: the rest of every dim (only a one-level architecture's innermost level gets here)
        {
            if (TakesRest(remaining, factors)) complete(factors);
            else pruned();
            return;
        }
        if (dim == Dims.Count) { complete(factors); return; }
        bool mayLoop = (TemporalMask[level] & (1 << dim)) != 0;
        bool whole = (WholeMask[level] & (1 << dim)) != 0;
        foreach (int f in mayLoop ? TemporalFactors(level, remaining[dim]) : [1])
        {
            if ((whole && f != remaining[dim]) || !AllowedFactor(level, dim, f, remaining[dim])) continue;
            factors[dim] = f;
            if (!Fits(level, factors, dim, spatial, belowExt)) { pruned(); break; } // larger factors only grow the tile
            if (cut is not null && mayLoop && cut(dim)) continue;
            EnumerateLevel(level, dim + 1, remaining, factors, spatial, belowExt, complete, pruned, cut);
        }
        factors[dim] = 1;
    }

    /// <summary>
    /// Level 0 (DRAM) takes what is left of every dim: fills <paramref name="factors"/> with <paramref name="remaining"/> and
    /// returns false, as <see cref="EnumerateLevel"/> prunes it, when a dim that must not loop there is left or a factor
    /// constraint refuses what is left.
    /// </summary>
    public bool TakesRest(int[] remaining, int[] factors)
    {
        for (int d = 0; d < Dims.Count; d++)
        {
            factors[d] = remaining[d];
            bool mayLoopHere = remaining[d] == 1 || (TemporalMask[0] & (1 << d)) != 0;
            if (!mayLoopHere || !AllowedFactor(0, d, remaining[d], remaining[d])) return false;
        }
        return true;
    }

    /// <summary>
    /// True when no single dim's factor at a bounded level can grow to its next divisor and still fit, there and in every
    /// level above it (unbounded levels and levels keeping nothing are always maximal).
    /// </summary>
    public bool IsMaximal(int level, int[] factors, int[] remaining, SpatialCandidate spatial, long[] belowExt)
    {
        var storage = Arch.Levels[level].Storage;
        if (storage.Unbounded || Keeps[level] == TensorSet.None) return true;
        for (int d = 0; d < Dims.Count; d++)
        {
            if ((TemporalMask[level] & (1 << d)) == 0 || factors[d] == remaining[d]) continue;
            int next = 0;
            foreach (int f in TemporalFactors(level, remaining[d])) if (f > factors[d] && AllowedFactor(level, d, f, remaining[d])) { next = f; break; }
            if (next == 0) continue;
            int saved = factors[d];
            factors[d] = next;
            bool fits = FitsHereAndAbove(level, factors, spatial, belowExt);
            factors[d] = saved;
            if (fits) return false;
        }
        return true;
    }

    /// <summary>
    /// The largest temporal factor dim <paramref name="dim"/> can take at <paramref name="level"/> (what is left of it is
    /// <paramref name="left"/>) with every other dim at least at its factor in <paramref name="factors"/>: tiles only grow
    /// with factors, so a completion's factor that overflows here or in a level above (<see cref="FitsOuter"/>) does not exist.
    /// 1 when no factor fits (the walk then finds no completion either).
    /// </summary>
    public int LargestFitting(int level, int dim, int left, int[] factors, SpatialCandidate spatial, long[] belowExt)
    {
        var candidates = TemporalFactors(level, left);
        int saved = factors[dim], low = 0, high = candidates.Length - 1, best = 1;
        // The largest first: a large buffer often holds it, and then one check decides.
        factors[dim] = candidates[high];
        bool all = FitsHereAndAbove(level, factors, spatial, belowExt);
        factors[dim] = saved;
        if (all) return candidates[high];
        high--;
        while (low <= high) // the factors ascend and fitting is monotone in them: the last one that fits
        {
            int mid = (low + high) / 2;
            factors[dim] = candidates[mid];
            if (FitsHereAndAbove(level, factors, spatial, belowExt)) { best = candidates[mid]; low = mid + 1; }
            else high = mid - 1;
        }
        factors[dim] = saved;
        return best;
    }

    /// <summary>True when the level's tiles with all of <paramref name="factors"/> fit.</summary>
    public bool FitsWhole(int level, int[] factors, SpatialCandidate spatial, long[] belowExt) =>
        Fits(level, factors, Dims.Count - 1, spatial, belowExt);

    // Tile sizes of the kept tensors with the factors chosen so far (later dims at 1) against the level's capacity.
    private bool Fits(int level, int[] factors, int upToDim, SpatialCandidate spatial, long[] belowExt)
    {
        if (_capacity[level].AlwaysFits) return true;
        var ext = new DimExtents();
        int[] x = spatial.X[level], y = spatial.Y[level];
        for (int d = 0; d < Dims.Count; d++)
            ext[d] = belowExt[d] * (d <= upToDim ? factors[d] : 1) * x[d] * y[d];
        return TilesFit(level, ext);
    }

    // Per level, the capacity the fits checks compare with, looked up once (they run millions of times per search).
    private readonly LevelCapacity[] _capacity;

    // Capacity check of one level given the full extents of its tile (its own loops, its fan-out and everything below).
    private bool TilesFit(int level, ReadOnlySpan<long> ext)
    {
        var capacity = _capacity[level];
        if (capacity.AlwaysFits) return true;
        // The largest tile is the first one, clipped to the bounds (an imperfect factor's span can reach past them).
        var clipped = new DimExtents();
        var bounds = Bounds;
        for (int d = 0; d < Dims.Count; d++) clipped[d] = Math.Min(ext[d], bounds[d]);
        // A joint dim's tile is a flat range; the box inside its first one is a lower bound of every tile, so the check
        // never prunes what fits (the walker checks flattened tiles exactly when it evaluates them).
        if (Flatten.Count > 0) foreach (var g in Flatten) FlatTileBox(g, clipped);
        return capacity.Holds(Problem, clipped);
    }

    // Replaces a joint dim's flat extent e by the member extents of the largest box inside the flat range [0, e): the
    // members below the most significant one that e spans whole, that one ⌊e ÷ block⌋ times, those above once.
    private void FlatTileBox(FlattenGroup g, Span<long> ext)
    {
        long e = ext[(int)g.First];
        long block = 1;
        for (int i = g.Members.Count - 1; i >= 0; i--)
        {
            var d = g.Members[i];
            long radix = Problem[d];
            if (block * radix <= e) { ext[(int)d] = radix; block *= radix; continue; }
            ext[(int)d] = Math.Max(1, e / block);
            for (int k = i - 1; k >= 0; k--) ext[(int)g.Members[k]] = 1;
            return;
        }
    }

    /// <summary>
    /// True when every level above <paramref name="level"/> can still hold its tiles if it adds no loops of its own: an
    /// outer tile contains the inner one, so a tiling that fails this can never be completed (sound pruning).
    /// </summary>
    public bool FitsOuter(int level, int[] factors, SpatialCandidate spatial, long[] belowExt) =>
        FitsAbove(level, factors, spatial, belowExt, alsoHere: false);

    // FitsWhole and FitsOuter at once (the level's extents computed once).
    private bool FitsHereAndAbove(int level, int[] factors, SpatialCandidate spatial, long[] belowExt) =>
        FitsAbove(level, factors, spatial, belowExt, alsoHere: true);

    private bool FitsAbove(int level, int[] factors, SpatialCandidate spatial, long[] belowExt, bool alsoHere)
    {
        var ext = new DimExtents();
        int[] x = spatial.X[level], y = spatial.Y[level];
        for (int d = 0; d < Dims.Count; d++) ext[d] = belowExt[d] * factors[d] * x[d] * y[d];
        if (alsoHere && !TilesFit(level, ext)) return false;
        for (int k = level - 1; k >= 1; k--)
        {
            x = spatial.X[k]; y = spatial.Y[k];
            for (int d = 0; d < Dims.Count; d++) ext[d] *= (long)x[d] * y[d];
            if (!TilesFit(k, ext)) return false;
        }
        return true;
    }
}
