using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Simulation;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// Walks one work item (a spatial unrolling and an innermost-level tiling): the temporal factors of the outer levels and the
/// loop orders, evaluating each complete mapping with a reusable, allocation-free <see cref="AccessCounter"/>.
/// One walker per thread.
/// </summary>
internal sealed class Walker
{
    private SearchPlan _plan;
    private readonly Objective _objective;
    private readonly Action<AccessCounts>? _inspect;
    private readonly bool _maximalOnly;
    private readonly bool _maximalImperfect; // the dominated-tiling skip on imperfect and flattened unrollings only
    private bool _skipDominated; // the current work item skips dominated tilings (either of the two above)
    private readonly PartialBound _bound;
    private Incumbent _incumbent;
    private readonly bool _branchAndBound;
    private readonly bool _narrowOrders; // separable loop orders (exact under both counting rules, perfect factors)
    private readonly int _candidateCapacity;  // mappings kept for the simulated pick (0: none collected)
    private readonly double? _window;         // latency-sim's second walk: collect and prune against this, not the best
    private readonly bool _movesInward;       // the inward move (InwardMove): sound walks without the simulated pick
    private bool _inward;                     // ... for the current work item (perfect unrolling, no dominated-tiling skip)
    private IReadOnlySet<int[]>? _siblings;   // the current item's siblings' innermost tilings (WorkItem.Siblings)
    private readonly bool _cutsTies;          // the tie cut (CutsTies): energy objective, branch and bound, ties mode
    private long _itemCompute;                // compute + skew of every perfect completion of the item (-1: none met yet)
    private readonly int[][] _lowTemporal;    // TilesBound's factors: the fixed ones, 1 at the free levels
    private int _itemIndex;
    private readonly Func<LoopMapping> _snapshot; // cached delegates: evaluating stays allocation-free
    private readonly Func<double> _simBound;
    private long _currentCycles; // analytical cycles of the mapping being evaluated (for SimBound)
    private bool _spatialPerfect; // the current work item's unrolling divides every bound (PartialBound assumes it)
    private bool _mappingPerfect; // the mapping being evaluated has perfect factors only (order narrowing, SimBound)
    private readonly AccessCounter _counter;
    private readonly AccessCounts _counts;
    private readonly int _levels;
    private readonly int[][] _temporal;
    private readonly double[,] _netEnergy;
    private readonly double _background; // background energy per cycle (Objectives.TotalEnergy; 0 when none is declared)
    private Mapper.WorkResult _result = new();
    private SpatialCandidate _spatial = null!;

    public Walker(SearchPlan plan, MapperOptions options, Incumbent incumbent)
    {
        _incumbent = options.BranchAndBound ? incumbent : new Incumbent(); // a private incumbent the walker never consults
        _plan = plan;
        _objective = options.Objective;
        _inspect = options.OnEvaluated;
        _maximalOnly = options.MaximalTilesOnly;
        _maximalImperfect = options.SkipsDominatedImperfect;
        _candidateCapacity = options.SimulationCap;
        _window = options.CollectWindow;
        _snapshot = Snapshot;
        _simBound = SimBound;
        // The bound is proven for both counting rules and perfect tiles (PartialBound); imperfect ones are walked in full.
        // With imperfect temporal factors every completion may be imperfect, so no partial mapping has a proven bound.
        _branchAndBound = options.BranchAndBound && !options.SearchesImperfectTemporal;
        _narrowOrders = options.BranchAndBound;
        _cutsTies = options.CutsTies && _branchAndBound && _objective == Objective.Energy && _window is null;
        // The move keeps the optimum's energy and cycles but can drop a tied mapping the simulated pick must see (a smaller
        // innermost tile can simulate faster), so not with the pick or latency-sim's window; as the bound, perfect only.
        _movesInward = _branchAndBound && options.MovesInward && options.SimulationCap == 0 && _window is null && options.RandomSamples == 0;
        _levels = plan.Levels;
        _counter = new AccessCounter(plan.Problem, plan.Arch, options.Counting);
        _bound = new PartialBound(plan.Problem, plan.Arch, options.Counting);
        _counts = new AccessCounts(_levels);
        _temporal = new int[_levels][];
        for (int i = 0; i < _levels; i++) _temporal[i] = LevelMapping.Ones();
        _lowTemporal = Enumerable.Range(0, _levels).Select(_ => LevelMapping.Ones()).ToArray();
        _background = plan.Arch.BackgroundEnergyPerCycle;
        _netEnergy = NetworkPricing.EnergiesPerWord(plan.Arch);
        _referenceReads = new long[_levels];
        _referenceWrites = new long[_levels];
        _orderReads = Enumerable.Range(0, _levels).Select(_ => NewRows(64)).ToArray();
        _orderWrites = Enumerable.Range(0, _levels).Select(_ => NewRows(64)).ToArray();
        _levelFactors = Enumerable.Range(0, _levels).Select(_ => LevelMapping.Ones()).ToArray();
        _nextRemaining = Enumerable.Range(0, _levels).Select(_ => new int[Dims.Count]).ToArray();
        _nextExt = Enumerable.Range(0, _levels).Select(_ => new long[Dims.Count]).ToArray();
        _prefixReads = NewRows(_levels + 1);
        _prefixWrites = NewRows(_levels + 1);
        _suffixReads = NewRows(_levels + 1);
        _suffixWrites = NewRows(_levels + 1);
    }

    /// <summary>True when this walker prunes by the bound (branch and bound is on).</summary>
    public bool Prunes => _branchAndBound;

    /// <summary>True when <see cref="GroupBound"/> can prove anything on this plan's architecture: branch and bound on, three
    /// or more levels, no systolic folds (which depend on the innermost factors).</summary>
    public bool BoundsGroups => _branchAndBound && _levels >= 3 && !_bound.Systolic;

    /// <summary>
    /// Walks one item, pruning against <paramref name="seed"/> (the cost of a mapping of the same space, or +∞) and then
    /// against its own best. <paramref name="bounded"/>: the caller already found the item's <see cref="Bound"/> within
    /// <paramref name="seed"/>, so it is not asked again (with no best of its own yet, the tie cut cannot cut it either).
    /// </summary>
    public Mapper.WorkResult Run(Mapper.WorkItem item, double seed = double.PositiveInfinity, bool bounded = false)
    {
        Begin(item, out var remaining, out var ext);
        _incumbent.Offer(seed);
        if (!bounded && PrunesAt(_levels - 1)) return _result;
        EnumerateOuter(_levels - 2, remaining, ext);
        return _result;
    }

    /// <summary>
    /// The lower bound of the item's objective (its unrolling and innermost tiling fixed); 0 where none is proven. With a
    /// <paramref name="seed"/> (a cost some mapping reaches), a bound beyond it may be returned unfinished: some value
    /// still beyond it (what is left of the bound only raises it), which is all a walk pruning against the seed reads.
    /// </summary>
    public double Bound(Mapper.WorkItem item, double seed = double.PositiveInfinity)
    {
        Load(item);
        return ObjectiveBound(_levels - 1, out _, EnoughFor(seed));
    }

    /// <summary>
    /// The lower bound of every item of the probe's unrolling whose innermost tiling has the probe's factors outside
    /// <paramref name="open"/> and, on each dim of <paramref name="open"/> (within PartialBound.GroupDims: N, G, C), a factor between 1
    /// and <paramref name="high"/>[d] (PartialBound.OpenInnermost.cs); 0 where none is proven (no bound, two levels, a
    /// systolic array). Against <paramref name="seed"/> as <see cref="Bound"/>.
    /// </summary>
    public double GroupBound(Mapper.WorkItem probe, int open, int[] high, double seed)
    {
        Load(probe);
        if (!BoundsGroups || !_spatialPerfect) return 0;
        var inner = _temporal[_levels - 1];
        for (int d = 0; d < Dims.Count; d++) if ((open & (1 << d)) != 0) inner[d] = 1;
        double energy = _bound.OfPartialLevel(_levels - 1, high, _temporal, _counter.SpatialX, _counter.SpatialY, _plan.Keeps, out long cycles,
            EnoughFor(seed));
        return ObjectiveOf(energy, cycles);
    }

    /// <summary>The lower bound of every item of the probe's unrolling (its spatial factors fixed, every temporal level
    /// free; the probe's innermost tiling is not read); 0 where none is proven.</summary>
    public double UnrollingBound(Mapper.WorkItem probe)
    {
        Load(probe);
        return ObjectiveBound(_levels, out _);
    }

    // Starts a walk of the item: a fresh result (and candidate set) and incumbent, the item loaded, what is left of each dim
    // above the innermost tiling and the innermost tile's extents (walker-owned arrays, valid until the next Begin).
    private void Begin(Mapper.WorkItem item, out int[] remaining, out long[] ext)
    {
        _result = new Mapper.WorkResult();
        _itemIndex = item.Index;
        _itemCompute = -1;
        if (_candidateCapacity > 0) _result.Candidates = new CandidateSet(_candidateCapacity, _window);
        // Each work item prunes against its own best only: sharing the incumbent across threads prunes more, but then what
        // is walked (and the reported statistics) would depend on thread scheduling; the result must not (SPEC: deterministic).
        _incumbent = new Incumbent();
        Load(item);
        _skipDominated = _maximalOnly || (_maximalImperfect && !_spatialPerfect);
        _siblings = item.Siblings;
        _inward = _movesInward && !_skipDominated && _siblings is not null && _spatialPerfect;
        remaining = _itemRemaining;
        ext = _itemExt;
        int inner = _levels - 1;
        for (int d = 0; d < Dims.Count; d++)
        {
            remaining[d] = SpatialFactors.Left(_unrollingRemaining[d], item.Innermost[d]);
            ext[d] = (long)item.Innermost[d] * item.Spatial.X[inner][d] * item.Spatial.Y[inner][d];
        }
    }

    // What the bound reads of an item: its plan, unrolling (with its perfection and what it leaves of each dim, computed once
    // while the same unrolling's items follow each other) and innermost tiling.
    private void Load(Mapper.WorkItem item)
    {
        if (!ReferenceEquals(item.Spatial, _spatial) || !ReferenceEquals(item.Plan, _plan))
        {
            _plan = item.Plan;
            _spatial = item.Spatial;
            _bound.TopFloor = _plan.TopFloor;
            _spatialPerfect = SpatialEnumerator.IsPerfect(_plan.Problem, item.Spatial) && !_plan.Flatten.Any();
            _unrollingRemaining = _plan.Remaining(item.Spatial);
            _counter.Flatten = _plan.Flatten;
            for (int i = 0; i < _levels; i++)
            {
                Array.Copy(item.Spatial.X[i], _counter.SpatialX[i], Dims.Count);
                Array.Copy(item.Spatial.Y[i], _counter.SpatialY[i], Dims.Count);
                _counter.Keeps[i] = _plan.Keeps[i];
            }
        }
        Array.Copy(item.Innermost, _temporal[_levels - 1], Dims.Count);
    }

    private int[] _unrollingRemaining = null!; // SearchPlan.Remaining of the loaded unrolling
    private readonly int[] _itemRemaining = new int[Dims.Count];
    private readonly long[] _itemExt = new long[Dims.Count];

    // Levels from `level` down to 0 (outward), then every order combination.
    private void EnumerateOuter(int level, int[] remaining, long[] ext)
    {
        if (level < 0) // a one-level architecture: the innermost tiling is the mapping
        {
            _result.Factorizations++;
            EvaluateOrders();
            return;
        }
        if (level == 0)
        {
            // Level 0 has no choice (EnumerateLevel would take the rest): checked and bounded here, with no delegates.
            if (!_plan.TakesRest(remaining, _temporal[0])) { _result.Pruned++; return; }
            if (PrunesAt(0)) return;
            _result.Factorizations++;
            EvaluateOrders();
            return;
        }
        var factors = _levelFactors[level];
        var nextRemaining = _nextRemaining[level];
        var nextExt = _nextExt[level];
        _plan.EnumerateLevel(level, 0, remaining, factors, _spatial, ext, chosen =>
        {
            if (!_plan.FitsOuter(level, chosen, _spatial, ext)) { _result.Pruned++; return; }
            if (_skipDominated && !_plan.IsMaximal(level, chosen, remaining, _spatial, ext)) { _result.Dominated++; return; }
            Array.Copy(chosen, _temporal[level], Dims.Count);
            // Level 0 takes what is left, so at level 1 the complete tiling's (tighter) bound comes next at no branching cost.
            if (level != 1 && PrunesAt(level)) return;
            // One pair of arrays per level: the level below is done with them before the next choice here overwrites them.
            for (int d = 0; d < Dims.Count; d++)
            {
                nextRemaining[d] = SpatialFactors.Left(remaining[d], chosen[d]);
                nextExt[d] = ext[d] * chosen[d] * _spatial.X[level][d] * _spatial.Y[level][d];
            }
            EnumerateOuter(level - 1, nextRemaining, nextExt);
        }, () => _result.Pruned++, _branchAndBound && _spatialPerfect
            ? dim => MovesInward(level, dim, factors[dim], remaining[dim]) || (!RepeatsLastCut(level, dim, remaining) && CutsPartial(level, factors, remaining, ext, dim))
            : null);
    }

    private readonly int[] _moved = new int[Dims.Count];

    // Per level: EnumerateLevel's factors (all 1 between calls) and what is left and the extents for the level below.
    private readonly int[][] _levelFactors, _nextRemaining;
    private readonly long[][] _nextExt;

    // The inward move (InwardMove): at the level above the innermost, a factor that can give a prime to another item's
    // innermost tiling is dominated by that item's mapping. Counted.
    private bool MovesInward(int level, int dim, int factor, int left)
    {
        if (!_inward || level != _levels - 2 || !InwardMove.Dominated(_plan, level, dim, factor, left, _temporal[_levels - 1], _siblings!, _moved)) return false;
        _result.MovedInward++;
        return true;
    }


    private readonly int[] _high = new int[Dims.Count];

    // A dim with nothing left to choose (its factor is 1) after an earlier dim of the same level was asked: the partial
    // mapping is the one that was bounded there (same factors, same largest factors, same best), so asking again cannot cut.
    private bool RepeatsLastCut(int level, int dim, int[] remaining) =>
        remaining[dim] == 1 && (_plan.TemporalMask[level] & ((1 << dim) - 1)) != 0;

    // The bound on a partly chosen level (PartialBound.OfPartialLevel): the dims up to `dim` chosen in `factors`, each later
    // one anywhere up to what is left of it. Asked only where a later dim still has a choice (else the complete level's
    // bound follows at once). True when no completion can reach the best.
    private bool CutsPartial(int level, int[] factors, int[] remaining, long[] ext, int dim)
    {
        bool open = false;
        for (int d = 0; d < Dims.Count; d++)
        {
            bool mayLoop = d > dim && (_plan.TemporalMask[level] & (1 << d)) != 0;
            _high[d] = d <= dim ? factors[d] : mayLoop ? remaining[d] : 1;
            if (d > dim && _high[d] > 1) _high[d] = _plan.LargestFitting(level, d, remaining[d], factors, _spatial, ext);
            if (_high[d] > 1 && d > dim) open = true;
        }
        if (!open) return false;
        double best = _window ?? _incumbent.Value;
        if (double.IsPositiveInfinity(best)) return false;
        Array.Copy(factors, _temporal[level], Dims.Count);
        double energy = _bound.OfPartialLevel(level, _high, _temporal, _counter.SpatialX, _counter.SpatialY, _plan.Keeps, out long cycles, Enough(best));
        double bound = ObjectiveOf(energy, cycles);
        if (!Incumbent.Beyond(bound, best)) return CutsTies(bound, cycles, level + 1, level, factors, dim);
        _result.BoundPruned++;
        return true;
    }

    // Branch and bound: true (counted) when no completion of the levels fixed so far (from `fixedFrom` inward) can match the
    // best objective any walker has found. Strictly greater only (with a margin for the bound's own rounding), so every
    // mapping tied with the optimum is still walked: only the tie cut (CutsTies) drops those the tie-breaks never need.
    private bool PrunesAt(int fixedFrom)
    {
        // latency-sim's second walk prunes against its window (every mapping within it is collected), not the best.
        double best = _window ?? _incumbent.Value;
        if (double.IsPositiveInfinity(best)) return false;
        double bound = ObjectiveBound(fixedFrom, out long cycles, Enough(best));
        if (Incumbent.Beyond(bound, best)) { _result.BoundPruned++; return true; }
        return CutsTies(bound, cycles, fixedFrom);
    }

    // The bound's rounding below a tied mapping's energy that the tie cut allows (relative): seen up to 1.3e-16 (tpu-v1
    // MobileNet v1 conv4_dw), far under Incumbent.RoundingMargin, so a cut branch is never cheaper than the best by more.
    private const double TieMargin = 1e-12;

    // The tie cut (docs/mapper.md, "Cutting ties the tie-breaks never need"), energy objective only: true (counted) when no
    // completion of the levels fixed so far (`fixedFrom` inward, and at level `partial` the dims up to `dim` of `factors`)
    // can change what the item hands on. None is cheaper than its best (the bound `energy` reaches the best up to
    // TieMargin), none breaks the tie better (the cycle bound reaches the best's cycles; a later mapping on equal cycles
    // does not replace it), and, when the item collects candidates for the simulated pick, every one comes after the set's
    // current cutoff in Candidate.Compare order, so the set ends with the same candidates and the same cutoff.
    private bool CutsTies(double energy, long cycles, int fixedFrom, int partial = -1, int[]? factors = null, int dim = -1)
    {
        if (!_cutsTies || !_spatialPerfect) return false;
        if (energy < _result.BestCost * (1 - TieMargin) || cycles < _result.BestTieBreak) return false;
        if (_result.Candidates is { } set)
        {
            if (set.CurrentCutoff() is not { } cutoff) return false;
            // Every completion comes after the cutoff in Candidate.Compare order: a higher SimBound, or an equal one and at
            // least its cycles (then the tie-break figure, the cycles again, is no lower, the item the same, and the
            // completion is met later in the walk).
            double sim = cycles > cutoff.SimBound ? cycles : Math.Max(cycles, TilesBound(fixedFrom, partial, factors, dim));
            if (!(sim > cutoff.SimBound || (sim >= cutoff.SimBound && cycles >= cutoff.Cycles))) return false;
        }
        _result.TiesCut++;
        return true;
    }

    // A lower bound on SimulatedCyclesBound.Of over every completion: it only grows with each level's tile words, which
    // only grow with the temporal factors, so the free levels' factors (and the partly chosen level's later dims) are set
    // to 1; the compute and skew are the item's (the same for every perfect completion). 0 before the item met a mapping.
    private double TilesBound(int fixedFrom, int partial, int[]? factors, int dim)
    {
        if (_itemCompute < 0) return 0;
        for (int i = 0; i < _levels; i++)
        {
            var low = _lowTemporal[i];
            if (i == partial) for (int d = 0; d < Dims.Count; d++) low[d] = d <= dim ? factors![d] : 1;
            else if (i >= fixedFrom) Array.Copy(_temporal[i], low, Dims.Count);
            else Array.Fill(low, 1);
        }
        return SimulatedCyclesBound.Of(_plan.Problem, _plan.Arch, _lowTemporal, _counter.SpatialX, _counter.SpatialY, _plan.Keeps, _itemCompute);
    }

    // The bound's joint-order term only raises the energy: not needed once the rest already prunes, nor for latency.
    // Enough against a seed pass's cost (+∞: nothing to stop at).
    private double EnoughFor(double seed) => double.IsPositiveInfinity(seed) ? double.PositiveInfinity : Enough(seed);

    private double Enough(double best) => _objective switch
    {
        Objective.Energy => best * (1 + Incumbent.RoundingMargin),
        Objective.Latency => double.NegativeInfinity,
        _ => double.PositiveInfinity,
    };

    // The bound of the objective over every completion of the levels fixed from `fixedFrom` inward (0 where none is proven),
    // and of their analytical cycles.
    private double ObjectiveBound(int fixedFrom, out long cycles, double enough = double.PositiveInfinity)
    {
        cycles = 0;
        if (!_branchAndBound || !_spatialPerfect) return 0;
        double energy = _bound.Of(fixedFrom, _temporal, _counter.SpatialX, _counter.SpatialY, _plan.Keeps, out cycles, enough);
        return ObjectiveOf(energy, cycles);
    }

    // The objective of a bound's energy (background included) and cycles.
    private double ObjectiveOf(double energy, long cycles) => _objective switch
    {
        Objective.Energy => energy,
        Objective.Latency => cycles,
        _ => energy * cycles,
    };

    private readonly Dim[][][] _orderChoices = new Dim[8][][];
    private readonly int[] _orderIndex = new int[8];

    private void EvaluateOrders()
    {
        int outer = _levels - 1; // levels 0..L-2 get candidate orders; the innermost level's order changes no count
        for (int i = 0; i < _levels; i++) Array.Copy(_temporal[i], _counter.Temporal[i], Dims.Count);
        Array.Copy(LoopOrders.Canonical, _counter.Order[_levels - 1], Dims.Count);
        for (int i = 0; i < outer; i++)
        {
            _orderChoices[i] = OrdersFor(i, LoopMask(i));
            _orderIndex[i] = 0;
        }
        if (_plan.Resolved.Levels[_levels - 1].Permutation is { } innermost)
            Array.Copy(LoopOrders.Constrained(LoopMask(_levels - 1), innermost), _counter.Order[_levels - 1], Dims.Count);
        // Temporal factors are divisors unless the plan draws imperfect ones: check the product only then (hot path).
        _mappingPerfect = _spatialPerfect && (!_plan.ImperfectTemporal || TemporalPerfect());
        if (_narrowOrders && _mappingPerfect && (_objective == Objective.Energy ? NarrowOrders(outer) : BoundOrders(outer))) return;
        while (true)
        {
            for (int i = 0; i < outer; i++) Array.Copy(_orderChoices[i][_orderIndex[i]], _counter.Order[i], Dims.Count);
            EvaluateCurrent();
            int k = outer - 1;
            while (k >= 0 && ++_orderIndex[k] == _orderChoices[k].Length) { _orderIndex[k] = 0; k--; }
            if (k < 0) break;
        }
    }

    // True when the temporal factors divide what the spatial ones leave: the product of every dim's factors is its bound.
    private bool TemporalPerfect()
    {
        for (int d = 0; d < Dims.Count; d++)
        {
            long product = 1;
            for (int i = 0; i < _levels; i++) product *= (long)_temporal[i][d] * _counter.SpatialX[i][d] * _counter.SpatialY[i][d];
            if (product != _plan.Bounds[d]) return false;
        }
        return true;
    }

    private readonly List<int>[] _tied = Enumerable.Range(0, 8).Select(_ => new List<int>()).ToArray();
    private readonly double[][] _energies = Enumerable.Range(0, 8).Select(_ => new double[64]).ToArray();
    private readonly double[] _least = new double[8];

    // Loop orders are separable in energy (docs/mapper.md, "Loop orders"): with every factor fixed, the energy is a constant
    // plus one term per level that depends on that level's order only. So each level's orders are evaluated with the
    // others at their first order, and only the combinations of every level's best orders (within the rounding margin)
    // are walked, in the full walk's order, so ties are broken as the full walk would. Skipped entirely when even the
    // best combination cannot reach the item's best. Returns false where there is nothing to gain (one combination).
    // With background power the objective adds background × cycles, and cycles are not separable: a level keeps every
    // order within a slack of its least (OrderSlack), the most a combination's cycles can save against the best one's.
    private bool NarrowOrders(int outer)
    {
        if (!ManyCombinations(outer)) return false;
        double reference = SingleLevelFigures(outer, traffic: false);
        double predicted = reference;
        for (int i = 0; i < outer; i++) predicted += _least[i] - reference;
        // The sum of the levels' gains is the best combination's energy up to rounding: compare with a margin for it. Every
        // combination takes at least the compute cycles (loop orders do not change them), so background × those is added.
        long compute = ComputeCycles;
        if (Incumbent.Beyond(Objectives.TotalEnergy(predicted, compute, _background), _incumbent.Value * (1 + Incumbent.RoundingMargin)))
        {
            _result.BoundPruned++;
            return true;
        }
        double slack = _background > 0 ? OrderSlack(outer, compute) : 0;
        for (int i = 0; i < outer; i++)
        {
            _tied[i].Clear();
            for (int o = 0; o < _orderChoices[i].Length; o++) if (!Incumbent.Beyond(_energies[i][o], _least[i] + slack)) _tied[i].Add(o);
        }
        Array.Clear(_orderIndex);
        while (true)
        {
            for (int i = 0; i < outer; i++) Array.Copy(_orderChoices[i][_tied[i][_orderIndex[i]]], _counter.Order[i], Dims.Count);
            EvaluateCurrent();
            int k = outer - 1;
            while (k >= 0 && ++_orderIndex[k] == _tied[k].Count) { _orderIndex[k] = 0; k--; }
            if (k < 0) return true;
        }
    }

    // True when the level orders' combinations outnumber the single-level evaluations that narrowing or bounding them costs.
    private bool ManyCombinations(int outer)
    {
        long combinations = 1, singles = 0;
        for (int i = 0; i < outer; i++) { combinations *= _orderChoices[i].Length; singles += _orderChoices[i].Length - 1; }
        return combinations > singles + 1;
    }

    // Evaluates each level's orders with the other levels at their first order (the reference, every level at its first):
    // per level and order the energy (_energies), per level the least (_least) and, with `traffic`, every level's reads and
    // writes (_orderReads, _orderWrites; the reference's in _referenceReads, _referenceWrites). Returns the reference energy.
    private double SingleLevelFigures(int outer, bool traffic)
    {
        for (int i = 0; i < outer; i++) Array.Copy(_orderChoices[i][0], _counter.Order[i], Dims.Count);
        double reference = EnergyOfCurrent();
        if (traffic) RecordTraffic(_referenceReads, _referenceWrites);
        for (int i = 0; i < outer; i++)
        {
            var energies = _energies[i].AsSpan(0, _orderChoices[i].Length);
            energies[0] = reference;
            if (traffic) { Array.Copy(_referenceReads, _orderReads[i][0], _levels); Array.Copy(_referenceWrites, _orderWrites[i][0], _levels); }
            for (int o = 1; o < energies.Length; o++)
            {
                Array.Copy(_orderChoices[i][o], _counter.Order[i], Dims.Count);
                energies[o] = EnergyOfCurrent();
                if (traffic) RecordTraffic(_orderReads[i][o], _orderWrites[i][o]);
            }
            Array.Copy(_orderChoices[i][0], _counter.Order[i], Dims.Count);
            double least = double.PositiveInfinity;
            foreach (double e in energies) least = Math.Min(least, e);
            _least[i] = least;
        }
        return reference;
    }

    // Every level's reads and writes of the mapping just counted.
    private void RecordTraffic(long[] reads, long[] writes)
    {
        for (int k = 0; k < _levels; k++) { reads[k] = _counts.LevelReads(k); writes[k] = _counts.LevelWrites(k); }
    }

    // BoundOrders' working arrays, per level counted (sized in the constructor): the reference's traffic, each level's
    // orders' ([level][order]), the chosen levels' sums ([depth]) and the later levels' least changes ([depth]).
    private readonly long[] _referenceReads, _referenceWrites;
    private readonly long[][][] _orderReads, _orderWrites;
    private readonly long[][] _prefixReads, _prefixWrites, _suffixReads, _suffixWrites;
    private readonly double[] _suffixEnergy = new double[9]; // [depth], outer levels at most 8 (as _orderChoices)
    private double _referenceEnergy;
    private long _computeCycles;

    private long[][] NewRows(int rows) => Enumerable.Range(0, rows).Select(_ => new long[_levels]).ToArray();

    // Loop orders under the latency and EDP objectives (docs/mapper.md, "Loop orders under EDP and latency"): every count is
    // a constant plus one term per level that depends on that level's order only (the separability NarrowOrders rests on),
    // so a combination's energy and every level's reads and writes are the reference's plus each level's change from its
    // single evaluation. The combinations are walked in the full walk's order, level by level; a prefix (the outer levels'
    // orders chosen) is skipped when, with every later level at its least energy and least reads and writes, its cycles
    // (the compute cycles or a level's bandwidth cycles, whichever is larger) and objective are beyond the best.
    private bool BoundOrders(int outer)
    {
        if (!ManyCombinations(outer)) return false;
        _referenceEnergy = SingleLevelFigures(outer, traffic: true);
        _computeCycles = ComputeCycles;
        _suffixEnergy[outer] = 0;
        Array.Clear(_suffixReads[outer]);
        Array.Clear(_suffixWrites[outer]);
        for (int i = outer - 1; i >= 0; i--)
        {
            _suffixEnergy[i] = _suffixEnergy[i + 1] + (_least[i] - _referenceEnergy);
            for (int k = 0; k < _levels; k++)
            {
                long reads = long.MaxValue, writes = long.MaxValue;
                for (int o = 0; o < _orderChoices[i].Length; o++)
                {
                    reads = Math.Min(reads, _orderReads[i][o][k] - _referenceReads[k]);
                    writes = Math.Min(writes, _orderWrites[i][o][k] - _referenceWrites[k]);
                }
                _suffixReads[i][k] = _suffixReads[i + 1][k] + reads;
                _suffixWrites[i][k] = _suffixWrites[i + 1][k] + writes;
            }
        }
        Array.Copy(_referenceReads, _prefixReads[0], _levels);
        Array.Copy(_referenceWrites, _prefixWrites[0], _levels);
        WalkOrders(0, outer, _referenceEnergy);
        return true;
    }

    // The combinations with the orders of levels before `level` chosen (their energy `energy`, their traffic at depth
    // `level` of _prefixReads and _prefixWrites): each order of `level` whose bound can still reach the best, then deeper.
    private void WalkOrders(int level, int outer, double energy)
    {
        if (level == outer) { EvaluateCurrent(); return; }
        var prefixReads = _prefixReads[level];
        var prefixWrites = _prefixWrites[level];
        var nextReads = _prefixReads[level + 1];
        var nextWrites = _prefixWrites[level + 1];
        for (int o = 0; o < _orderChoices[level].Length; o++)
        {
            double chosen = energy + (_energies[level][o] - _referenceEnergy);
            long cycles = _computeCycles;
            for (int k = 0; k < _levels; k++)
            {
                nextReads[k] = prefixReads[k] + (_orderReads[level][o][k] - _referenceReads[k]);
                nextWrites[k] = prefixWrites[k] + (_orderWrites[level][o][k] - _referenceWrites[k]);
                long reads = nextReads[k] + _suffixReads[level + 1][k], writes = nextWrites[k] + _suffixWrites[level + 1][k];
                cycles = Math.Max(cycles, LevelCycles(k, reads, writes));
            }
            double bound = ObjectiveOf(Objectives.TotalEnergy(chosen + _suffixEnergy[level + 1], cycles, _background), cycles);
            // The sums round differently from an evaluation: a margin for that on top of Beyond's (as NarrowOrders).
            if (Incumbent.Beyond(bound, (_window ?? _incumbent.Value) * (1 + Incumbent.RoundingMargin))) { _result.BoundPruned++; continue; }
            Array.Copy(_orderChoices[level][o], _counter.Order[level], Dims.Count);
            WalkOrders(level + 1, outer, chosen);
        }
    }

    // The background energy a combination of orders can save against the least-energy combination (each level at the first
    // of its least orders), whose cycles C* are counted here: background × (C* − compute cycles), since no combination
    // takes fewer than the compute cycles. A combination with one level's energy more than this above that level's least
    // costs more than the least-energy combination in energy + background × cycles, so it can never win or tie
    // (docs/mapper.md, "Background power in the objective").
    private double OrderSlack(int outer, long compute)
    {
        for (int i = 0; i < outer; i++)
        {
            int least = 0;
            while (_energies[i][least] != _least[i]) least++;
            Array.Copy(_orderChoices[i][least], _counter.Order[i], Dims.Count);
        }
        long cycles = FiguresOfCurrent().Cycles;
        return _background * (cycles - compute);
    }

    // The access energy of the mapping in the working arrays (perfect factors), counted as an evaluation, offered to no one.
    private double EnergyOfCurrent() => FiguresOfCurrent().Energy;

    private (double Energy, long Cycles) FiguresOfCurrent()
    {
        CountCurrent(); // perfect factors and no flattened axes (NarrowOrders' case): always a valid mapping
        return Figures();
    }

    // Candidate orders of a level: the searched ones, or the one its permutation constraint fixes.
    private Dim[][] OrdersFor(int level, int mask) =>
        _plan.Resolved.Levels[level].Permutation is { } permutation ? [LoopOrders.Constrained(mask, permutation)] : LoopOrders.For(mask);

    // The dims a level loops over (factor above 1 in the working tiling), as a bit mask.
    private int LoopMask(int level)
    {
        int mask = 0;
        for (int d = 0; d < Dims.Count; d++) if (_temporal[level][d] > 1) mask |= 1 << d;
        return mask;
    }

    // Prepares and counts the mapping in the working arrays as one evaluation, shown to the inspector; false (counted as
    // pruned) when it is not a valid mapping.
    private bool CountCurrent()
    {
        _counter.Prepare();
        // Imperfect spatial factors with inner temporal ones can leave a unit that never works: not a valid mapping.
        if (_counter.WastesIterations) { _result.Pruned++; return false; }
        // The plan checks flattened tiles against a lower bound only: their exact sizes here (as the validator's).
        if (_plan.Flatten.Count > 0 && !FlattenedTilesFit()) { _result.Pruned++; return false; }
        _counter.Count(_counts);
        _result.Evaluations++;
        _inspect?.Invoke(_counts);
        return true;
    }

    private void EvaluateCurrent()
    {
        if (!CountCurrent()) return;
        var (cost, tieBreak, cycles) = Cost();
        _currentCycles = cycles;
        _result.Candidates?.Offer(cost, _result.BestCost, cycles, tieBreak, _itemIndex, _result.Evaluations, _simBound, _snapshot);
        if (cost < _result.BestCost || (cost == _result.BestCost && tieBreak < _result.BestTieBreak))
        {
            _result.BestCost = cost;
            _result.BestTieBreak = tieBreak;
            _result.Best = Snapshot();
            _incumbent.Offer(cost);
        }
    }

    // The objective, and what breaks its ties: among equally cheap mappings the faster one, among equally fast the cheaper.
    // Energy and EDP rank by the total energy, background over the analytical cycles included (Objectives.TotalEnergy).
    private (double Cost, double TieBreak, long Cycles) Cost()
    {
        var (energy, cycles) = Figures();
        double total = Objectives.TotalEnergy(energy, cycles, _background);
        return _objective switch
        {
            Objective.Energy => (total, cycles, cycles),
            Objective.Latency => (cycles, energy, cycles),
            _ => (total * cycles, total, cycles),
        };
    }

    // Compute cycles of the counted mapping, systolic skew included: no loop order changes them.
    private long ComputeCycles => _counter.TemporalIterations + _counter.Folds * _counter.SystolicFoldCycles;

    // The access energy and the analytical cycles of the counted mapping.
    private (double Energy, long Cycles) Figures()
    {
        var arch = _plan.Arch;
        double energy = _counts.Macs * arch.Mac.EnergyPerMac;
        long cycles = ComputeCycles;
        for (int i = 0; i < _levels; i++)
        {
            var storage = arch.Levels[i].Storage;
            long reads = 0, writes = 0;
            for (int t = 0; t < Tensors.Count; t++)
            {
                var c = _counts.Get(i, (TensorKind)t);
                reads += c.Reads;
                writes += c.Writes;
                var e = storage.EnergyFor((TensorKind)t);
                energy += c.Reads * e.Read + c.Fills * e.Write + c.Updates * e.Update;
            }
            for (int t = 0; t < Tensors.Count; t++) energy += _counts.NetworkWords(i, (TensorKind)t) * _netEnergy[i, t];
            cycles = Math.Max(cycles, LevelCycles(i, reads, writes));
        }
        return (energy, cycles);
    }

    // A level's bandwidth cycles for these reads and writes over the instances the counted mapping uses.
    private long LevelCycles(int level, long reads, long writes) =>
        AnalyticalModel.BandwidthCycles(reads, writes, _counter.UsedInstances(level), _plan.Arch.Levels[level].Storage);

    // A lower bound on the current mapping's simulated cycles (0 for imperfect factors, where none is proven).
    private double SimBound()
    {
        if (!_mappingPerfect) return 0;
        _itemCompute = ComputeCycles; // the same for every perfect mapping of the item (TilesBound)
        double tiles = SimulatedCyclesBound.Of(_plan.Problem, _plan.Arch, _counter.Temporal, _counter.SpatialX, _counter.SpatialY, _counter.Keeps, _itemCompute);
        return Math.Max(tiles, _currentCycles);
    }

    private LoopMapping Snapshot()
    {
        var levels = new LevelMapping[_levels];
        for (int i = 0; i < _levels; i++)
            levels[i] = new LevelMapping(_counter.Temporal[i], _counter.Order[i], _counter.SpatialX[i], _counter.SpatialY[i], _counter.Keeps[i]);
        return new LoopMapping(levels, _plan.Flatten);
    }

    private bool FlattenedTilesFit()
    {
        for (int i = 0; i < _levels; i++)
            if (MappingValidator.CapacityProblems(_counter, _plan.Arch.Levels[i].Storage, i, _counter.Keeps[i]).Any()) return false;
        return true;
    }

    /// <summary>Seeded random sampling of the same space: random factors per level (kept only when they fit) and random orders.</summary>
    public Mapper.WorkResult Sample(Mapper.WorkItem item, long samples, Random rng)
    {
        Begin(item, out var start, out var startExt);
        for (long s = 0; s < samples; s++)
        {
            var remaining = (int[])start.Clone();
            var ext = (long[])startExt.Clone();
            bool fits = true;
            for (int level = _levels - 2; level >= 0 && fits; level--)
            {
                var factors = LevelMapping.Ones();
                for (int d = 0; d < Dims.Count; d++)
                {
                    bool may = level == 0 || (_plan.TemporalMask[level] & (1 << d)) != 0;
                    bool whole = (_plan.WholeMask[level] & (1 << d)) != 0 || level == 0;
                    var divisors = Divisors.Of(remaining[d]);
                    factors[d] = !may ? 1 : whole ? remaining[d] : divisors[rng.Next(divisors.Length)];
                }
                fits = _plan.FitsWhole(level, factors, _spatial, ext)
                    && Enumerable.Range(0, Dims.Count).All(d => _plan.AllowedFactor(level, d, factors[d], remaining[d]));
                if (!fits) { _result.Pruned++; break; }
                Array.Copy(factors, _temporal[level], Dims.Count);
                for (int d = 0; d < Dims.Count; d++)
                {
                    remaining[d] /= factors[d];
                    ext[d] *= (long)factors[d] * _spatial.X[level][d] * _spatial.Y[level][d];
                }
            }
            if (!fits) continue;
            _result.Factorizations++;
            _mappingPerfect = _spatialPerfect;
            for (int i = 0; i < _levels; i++) Array.Copy(_temporal[i], _counter.Temporal[i], Dims.Count);
            for (int i = 0; i < _levels; i++)
            {
                var choices = i == _levels - 1 && _plan.Resolved.Levels[i].Permutation is null ? [LoopOrders.Canonical] : OrdersFor(i, LoopMask(i));
                Array.Copy(choices[rng.Next(choices.Length)], _counter.Order[i], Dims.Count);
            }
            EvaluateCurrent();
        }
        return _result;
    }
}

