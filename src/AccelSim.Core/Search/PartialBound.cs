using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Energy;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// A lower bound on the energy and the analytical cycles of every completion of a partial mapping: the spatial unrolling
/// and keeps of every level are fixed, the temporal factors of levels <c>fixedFrom</c> and below (inward) too, the levels
/// above are free (only the product of their factors per dim is known: what is left of the bound) and no loop order is
/// chosen. Each term is a minimum of the matching term of <see cref="AccessCounter"/> (docs/mapper.md, "The bound"):
/// <list type="bullet">
/// <item>a child instance fills at least one tile per distinct tile it ever holds, and when a relevant loop sits at a fixed
/// level k*, every loop above k* and the relevant ones at k* change its tile (the best order puts irrelevant loops inside);</item>
/// <item>at a level whose tile is not fixed yet, the tiles of one instance together cover its share of the tensor (weights,
/// outputs), or one window per input plane at least as large as the fixed tile below;</item>
/// <item>operands reach the MAC once per temporal iteration, from the nearest keeper, read once per distinct child tile
/// (diagonal multicast: at least the largest of its sliding counts);</item>
/// <item>cycles: the compute cycles are fixed once the innermost level is, bandwidth cycles grow with the counts.</item>
/// </list>
/// Under Timeloop's counting rules (<see cref="CountingRules.Timeloop"/>) every term but one is at least AccelSim's for the
/// same mapping (no diagonal multicast: more parent reads; reloads into every child of a reduction group: more fills; a
/// halo kept in fewer cases: more input fills), so the same terms bound it; the one that shrinks, the drain reads, is not
/// charged when the rules count none (docs/mapper.md, "The bound under Timeloop's counting rules").
/// Allocation-free after construction; one per walker thread.
/// </summary>
internal sealed partial class PartialBound
{
    private static readonly int[] WeightDims = [(int)Dim.G, (int)Dim.M, (int)Dim.C, (int)Dim.R, (int)Dim.S];
    private static readonly int[] OutputDims = [(int)Dim.N, (int)Dim.G, (int)Dim.M, (int)Dim.P, (int)Dim.Q];
    private static readonly int[] PlaneDims = [(int)Dim.N, (int)Dim.G, (int)Dim.C];
    // DimsOf for every set of tensors (bit t: tensor t); after the dim lists it reads (static initializers run in text order).
    private static readonly int[] UnionDims = Enumerable.Range(0, 8).Select(DimsOf).ToArray();

    private readonly ProblemShape _problem;
    private readonly Accelerator _arch;
    private readonly CountingRules _rules;
    private readonly int _levels;
    private readonly int[] _bounds;
    private readonly double[,] _netEnergy;    // [level, tensor] per-word energy through the level's fan-out
    private readonly long[][] _ext;            // [level 0..L][dim] tile extents of fixed levels (and lower extents above)
    private readonly long[][] _spatialAbove;   // [level 0..L][dim] spatial factors above a level
    private readonly long[] _used;             // instances doing work per level
    private readonly long[][] _spatialProduct; // [level][dim] X × Y factors of the level's fan-out
    private readonly long[,] _share;           // [level 0..L, tensor] Share of the tensor's dims (the spatial unrolling's)
    private readonly long[,] _outputHeads;     // [parent, child] OutputHeads
    private readonly long[] _inputFloor;       // [level 0..L] InputFloor
    private long _temporalIterations;          // TemporalIterations (fixed by the spatial unrolling)
    private readonly long[] _rest = new long[Dims.Count]; // product of the free levels' factors per dim
    private readonly long[] _reads, _writes;
    private int[][] _temporal = null!, _x = null!, _y = null!;
    private TensorSet[] _keeps = null!;
    private int _fixedFrom;
    private int _lastLevel;   // set by Loads: the fixed level holding the innermost relevant loop (NoLevel, FreeLevels)
    private long _lastBase;   // set by Loads: the product of every loop above that level
    private double _energy; // storage energy charged so far by the current call
    private readonly double _background; // background energy per cycle charged over the cycle bound (0: access energy only)

    // Per-architecture lookups, hoisted out of the hot path (the Accelerator computes some of them on each call).
    private readonly double _macEnergy;       // every MAC's energy: the problem's MACs × energy per MAC
    private readonly long _systolicSkew, _systolicRows;
    private readonly StorageLevel[] _storage;
    private readonly int[,] _nearestFanout;   // [parent, child] NearestFanout

    /// <summary>
    /// A bound for <paramref name="rules"/> (AccelSim's when null). With <paramref name="background"/> the energy bound is
    /// the objective's (<see cref="Objectives.TotalEnergy"/>): the architecture's background energy per cycle times the
    /// cycle bound is added, a bound on the background over the analytical cycles since both factors are.
    /// </summary>
    public PartialBound(ProblemShape problem, Accelerator arch, CountingRules? rules = null, bool background = true)
    {
        _background = background ? arch.BackgroundEnergyPerCycle : 0;
        _problem = problem;
        _arch = arch;
        _rules = rules ?? CountingRules.AccelSim;
        _levels = arch.Levels.Count;
        _bounds = problem.Bounds();
        // Each term bounds one tensor's network words (the counter's words of that tensor through the same nearest fan-out),
        // so it is priced at that tensor's per-word energy (topology pricing differs per tensor: docs/energy.md).
        _netEnergy = NetworkPricing.EnergiesPerWord(arch);
        _ext = new long[_levels + 1][];
        _spatialAbove = new long[_levels + 1][];
        for (int i = 0; i <= _levels; i++) { _ext[i] = new long[Dims.Count]; _spatialAbove[i] = new long[Dims.Count]; }
        _used = new long[_levels + 1];
        _spatialProduct = new long[_levels][];
        for (int i = 0; i < _levels; i++) _spatialProduct[i] = new long[Dims.Count];
        _share = new long[_levels + 1, Tensors.Count];
        _outputHeads = new long[_levels + 1, _levels + 1];
        _inputFloor = new long[_levels + 1];
        _macEnergy = problem.Macs * arch.Mac.EnergyPerMac;
        _systolicSkew = arch.SystolicSkew;
        _systolicRows = arch.SystolicRows;
        _storage = arch.Levels.Select(l => l.Storage).ToArray();
        _nearestFanout = new int[_levels + 1, _levels + 1];
        for (int parent = 0; parent < _levels; parent++)
            for (int child = parent + 1; child <= _levels; child++)
                _nearestFanout[parent, child] = FindNearestFanout(parent, child);
        _levelProduct = new long[_levels];
        _reads = new long[_levels];
        _writes = new long[_levels];
        _access = new AccessEnergy[_levels, Tensors.Count];
        for (int i = 0; i < _levels; i++)
            foreach (var t in Tensors.All) _access[i, (int)t] = arch.Levels[i].Storage.EnergyFor(t);
        _readsFactor = new long[Tensors.Count, _levels + 1, _levels + 1];
        _cachedX = new int[_levels][];
        _cachedY = new int[_levels][];
        for (int i = 0; i < _levels; i++) { _cachedX[i] = new int[Dims.Count]; _cachedY[i] = new int[Dims.Count]; }
    }

    // Per-level, per-tensor access energies (looked up once), and the parent reads per child fill word of every (tensor,
    // parent, child), which depend on the spatial unrolling only: cached until it changes (0 = not computed yet).
    private readonly AccessEnergy[,] _access;
    private readonly long[,,] _readsFactor;
    private readonly int[][] _cachedX, _cachedY;
    private bool _spatialCached;

    // Invalidates the reads factors and recomputes what depends on the spatial unrolling only (PrepareSpatial) when it
    // differs from the one they were computed for: the walker calls the bound many times per unrolling.
    private void CheckSpatial()
    {
        bool same = _spatialCached;
        for (int i = 0; i < _levels && same; i++)
            same = _x[i].AsSpan().SequenceEqual(_cachedX[i]) && _y[i].AsSpan().SequenceEqual(_cachedY[i]);
        if (same) return;
        for (int i = 0; i < _levels; i++) { Array.Copy(_x[i], _cachedX[i], Dims.Count); Array.Copy(_y[i], _cachedY[i], Dims.Count); }
        Array.Clear(_readsFactor);
        PrepareSpatial();
        _spatialCached = true;
    }

    // The fan-outs' products, instances, shares, write-back heads and input floors: they depend on the spatial unrolling only.
    private void PrepareSpatial()
    {
        for (int d = 0; d < Dims.Count; d++) _spatialAbove[0][d] = 1;
        _used[0] = 1;
        for (int i = 0; i < _levels; i++)
        {
            long s = 1;
            for (int d = 0; d < Dims.Count; d++)
            {
                long f = (long)_x[i][d] * _y[i][d];
                _spatialProduct[i][d] = f;
                s *= f;
                _spatialAbove[i + 1][d] = _spatialAbove[i][d] * f;
            }
            _used[i + 1] = _used[i] * s;
        }
        long iterations = 1;
        for (int d = 0; d < Dims.Count; d++) iterations *= _bounds[d] / _spatialAbove[_levels][d];
        _temporalIterations = iterations;
        for (int level = 0; level <= _levels; level++)
        {
            for (int t = 0; t < Tensors.Count; t++) _share[level, t] = ComputeShare(level, RelevantDims((TensorKind)t));
            _inputFloor[level] = _share[level, (int)TensorKind.Inputs]
                * DistinctLines(level, Dim.P, Dim.R, _problem.StrideH, _problem.DilationH)
                * DistinctLines(level, Dim.Q, Dim.S, _problem.StrideW, _problem.DilationW);
        }
        for (int parent = 0; parent < _levels; parent++)
            for (int child = parent + 1; child <= _levels; child++) _outputHeads[parent, child] = ComputeOutputHeads(parent, child);
    }

    private long ReadsFactor(TensorKind tensor, int parent, int child)
    {
        ref long cached = ref _readsFactor[(int)tensor, parent, child];
        if (cached == 0) cached = ComputeReadsFactor(tensor, parent, child);
        return cached;
    }

    /// <summary>
    /// The bound for levels <paramref name="fixedFrom"/>..L−1 fixed in <paramref name="temporal"/> (0 = a complete
    /// mapping, L = only the spatial unrolling). Returns the energy; <paramref name="cycles"/> gets the cycle bound. When the
    /// energy already exceeds <paramref name="enough"/> before the joint-order term, or once part of that term does, the rest
    /// is left out (the result stays a bound, above <paramref name="enough"/>, and costs less).
    /// </summary>
    public double Of(int fixedFrom, int[][] temporal, int[][] spatialX, int[][] spatialY, TensorSet[] keeps, out long cycles,
        double enough = double.PositiveInfinity)
    {
        Start(fixedFrom, temporal, spatialX, spatialY, keeps);
        for (int t = 0; t < Tensors.Count; t++)
        {
            var tensor = (TensorKind)t;
            int parent = 0;
            for (int child = 1; child <= _levels; child++)
            {
                if (child < _levels && !keeps[child].Has(tensor)) continue;
                double before = _energy;
                if (tensor == TensorKind.Outputs) AddOutputs(parent, child);
                else AddOperand(tensor, parent, child);
                if (child == 1) _chargedTop += _energy - before;
                parent = child;
            }
        }
        if (_partial == 1) RecordRestLevelTerms();
        double energy = _macEnergy;
        cycles = ComputeCycles();
        for (int i = 0; i < _levels; i++)
            cycles = Math.Max(cycles, AnalyticalModel.BandwidthCycles(_reads[i], _writes[i], _used[i], _storage[i]));
        energy = Objectives.TotalEnergy(energy + _energy, cycles, _background);
        if (!(energy > enough)) energy += JointOrderExcess(enough - energy);
        _energy = 0;
        return energy;
    }

    // Sets up a call (Of, TopTerms): the mapping, the extents and what is left (Prepare), no counts, no terms recorded.
    private void Start(int fixedFrom, int[][] temporal, int[][] spatialX, int[][] spatialY, TensorSet[] keeps)
    {
        _temporal = temporal; _x = spatialX; _y = spatialY; _keeps = keeps; _fixedFrom = fixedFrom;
        CheckSpatial();
        Prepare();
        for (int i = 0; i < _levels; i++) { _reads[i] = 0; _writes[i] = 0; } // tiny: cheaper than two Array.Clear calls
        _recorded = 0;
        _slidingCount = 0;
        _chargedTop = 0;
    }

    // What one (tensor, parent, child) term moves: reads and writes at the parent (partial-sum write-backs for outputs, priced
    // as updates), at the child (none at the MAC) and words on the nearest fan-out's network between them.
    private readonly record struct Traffic(long ParentReads, long ParentWrites, long ChildReads, long ChildWrites, long NetWords);

    // The one pricing of a term, shared by the per-tensor terms (Charge) and the joint-order term (TermEnergy).
    private double Price(TensorKind tensor, int parent, int child, in Traffic traffic)
    {
        var up = _access[parent, (int)tensor];
        double energy = traffic.ParentReads * up.Read + traffic.ParentWrites * (tensor == TensorKind.Outputs ? up.Update : up.Write);
        if (child < _levels)
        {
            var down = _access[child, (int)tensor];
            energy += traffic.ChildReads * down.Read + traffic.ChildWrites * down.Write;
        }
        int net = _nearestFanout[parent, child];
        return net >= 0 ? energy + traffic.NetWords * _netEnergy[net, (int)tensor] : energy;
    }

    // Adds a term's accesses to the levels' counts (for the cycle bound) and its energy.
    // Returns the term's energy.
    private double Charge(TensorKind tensor, int parent, int child, in Traffic traffic)
    {
        _reads[parent] += traffic.ParentReads;
        _writes[parent] += traffic.ParentWrites;
        if (child < _levels)
        {
            _reads[child] += traffic.ChildReads;
            _writes[child] += traffic.ChildWrites;
        }
        double energy = Price(tensor, parent, child, traffic);
        _energy += energy;
        return energy;
    }

    // An operand term whose child instances are each filled `perInstance` words over the run.
    private Traffic OperandTraffic(TensorKind tensor, int parent, int child, long perInstance)
    {
        long childTotal = perInstance * _used[child];
        return new Traffic(perInstance * ReadsFactor(tensor, parent, child) * _used[parent], 0, 0, childTotal, childTotal);
    }

    // The tile extents of every level (a free level's: the fixed tile below times the fan-outs) and what is left per dim
    // for the free levels; the spatial parts come from PrepareSpatial.
    private void Prepare()
    {
        var below = _ext[_levels];
        for (int d = 0; d < Dims.Count; d++) below[d] = 1;
        for (int i = _levels - 1; i >= 0; i--)
        {
            var ext = _ext[i];
            var spatial = _spatialProduct[i];
            if (i >= _fixedFrom)
            {
                var temporal = _temporal[i];
                for (int d = 0; d < Dims.Count; d++) ext[d] = below[d] * temporal[d] * spatial[d];
            }
            else
                for (int d = 0; d < Dims.Count; d++) ext[d] = below[d] * spatial[d];
            below = ext;
        }
        long restProduct = 1;
        for (int d = 0; d < Dims.Count; d++) restProduct *= _rest[d] = _bounds[d] / below[d];
        _restProduct = restProduct;
        for (int i = _fixedFrom; i < _levels; i++)
        {
            long product = 1;
            foreach (int f in _temporal[i]) product *= f;
            _levelProduct[i] = product;
        }
        if (_partial >= 0) PrepareRestAbove();
    }

    // Per call (Prepare): the product of what the free levels share of every dim, and each fixed level's loops multiplied.
    private long _restProduct;
    private readonly long[] _levelProduct;

    // The product of every loop above level k: the free levels' share of each dim and the fixed levels above k; above the
    // partly chosen level, the least such product (a dim not chosen yet may still take up to its largest factor there,
    // RestAbove); above level 0 while level 1 is partly chosen (it takes what level 1 leaves), none.
    private long LoopsAbove(int k)
    {
        if (k < _fixedFrom) return 1;
        long product = k == _partial ? _restAboveProduct : _restProduct;
        for (int j = _fixedFrom; j < k; j++) product *= _levelProduct[j];
        return product;
    }

    private long TemporalIterations => _temporalIterations;

    // Compute cycles: temporal iterations plus, once the innermost level is fixed, its folds' systolic cycles.
    private long ComputeCycles()
    {
        long iterations = TemporalIterations;
        if (_systolicSkew == 0) return iterations;
        if (_fixedFrom > _levels - 1) return iterations + _systolicSkew;
        long innermost = 1;
        for (int d = 0; d < Dims.Count; d++) innermost *= _temporal[_levels - 1][d];
        long folds = iterations / innermost;
        bool stationary = Stationary(TensorKind.Weights) || Stationary(TensorKind.Inputs);
        return iterations + folds * (_systolicSkew + (stationary ? _systolicRows : 0));
    }

    private bool Stationary(TensorKind tensor)
    {
        int inner = _levels - 1;
        if (!_keeps[inner].Has(tensor)) return false;
        for (int d = 0; d < Dims.Count; d++)
            if (_temporal[inner][d] > 1 && Tensors.IsRelevant(tensor, (Dim)d)) return false;
        return true;
    }

    // Words of a tensor one instance of a level touches over the whole run (its share: the spatial loops above split it).
    private long Share(int level, TensorKind tensor) => _share[level, (int)tensor];

    private long ComputeShare(int level, int[] dims)
    {
        long s = 1;
        foreach (int d in dims) s *= _bounds[d] / _spatialAbove[level][d];
        return s;
    }

    // Lower bound on the times a fixed level's tile of a tensor is (re)loaded: the distinct tiles, or, when a relevant loop
    // sits at a fixed level, every loop outside the innermost such level and that level's relevant loops. In the second
    // case _lastLevel is that level and _lastBase the product of every loop above it (the joint-order term needs them).
    private long Loads(int child, int[] relevant)
    {
        _lastLevel = NoLevel;
        for (int k = child - 1; k >= _fixedFrom; k--)
        {
            bool has = false;
            foreach (int d in relevant) if (_temporal[k][d] > 1) { has = true; break; }
            if (!has) continue;
            long loads = LoopsAbove(k);
            _lastLevel = k;
            _lastBase = loads;
            var factors = FactorsAt(k);
            foreach (int d in relevant) loads *= factors[d];
            return loads;
        }
        long distinct = 1;
        foreach (int d in relevant) distinct *= _bounds[d] / (_ext[child][d] * _spatialAbove[child][d]);
        // Every relevant loop is at a free level: the term joins the free levels' joint-order term (not while a level is
        // partly chosen, where the free levels' factors are not known per dim, unless it is the innermost one open on
        // N, G or C only: PartialBound.OpenInnermost.cs).
        if (FreeLevelsKnown) { _lastLevel = FreeLevels; _lastBase = 1; }
        return distinct;
    }

    // Words filled into one instance of a child level (the MAC: one operand per temporal iteration).
    private long OperandFills(TensorKind tensor, int child)
    {
        _lastLevel = NoLevel;
        if (child == _levels) return TemporalIterations;
        var ext = _ext[child];
        if (tensor == TensorKind.Weights)
            return child >= _fixedFrom ? TileMath.TileSize(_problem, tensor, ext) * Loads(child, WeightDims) : Share(child, TensorKind.Weights);
        long h = TileMath.InputRows(_problem, ext), w = TileMath.InputColumns(_problem, ext);
        long fills = child >= _fixedFrom
            ? TileMath.TileSize(_problem, tensor, ext) * Loads(child, PlaneDims)
            : Share(child, TensorKind.Inputs) * h * w; // ext of a free level is the fixed tile below times the spatial factors
        return Math.Max(fills, InputFloor(child));
    }

    // The input words one instance of a level needs over the run, at least: every plane of its share, each with at least
    // its distinct rows times its distinct columns.
    private long InputFloor(int child) => _inputFloor[child];

    // Input rows (or columns) one instance of a level needs over the run, at least: its share of the output dim and of the
    // filter dim are nP and nR distinct indices, and it reaches the rows p·stride + r·dilation. Those p·stride are nP
    // distinct multiples of the stride; split the r·dilation by their residue modulo the stride: each of the m residues
    // gives, with the p's, a class of rows apart from the others, with at least nP + (its r's) − 1 rows (Cauchy–Davenport
    // over the integers), so the rows are at least m·nP + nR − m. m is known when the instance sees every filter index
    // (the filter dim is not unrolled above it): the residues of r·dilation for r below R; else at least 1 (nP + nR − 1).
    private long DistinctLines(int level, Dim output, Dim filter, int stride, int dilation)
    {
        long outputs = _bounds[(int)output] / _spatialAbove[level][(int)output];
        long filters = _bounds[(int)filter] / _spatialAbove[level][(int)filter];
        long residues = filters == _bounds[(int)filter] ? Residues(filters, stride, dilation) : 1;
        return residues * outputs + filters - residues;
    }

    // The residues of r·dilation modulo the stride for r below `filters`: they repeat with a period of stride / gcd.
    private static long Residues(long filters, int stride, int dilation) =>
        Math.Min(filters, stride / IntegerMath.Gcd(stride, dilation));

    private void AddOperand(TensorKind tensor, int parent, int child)
    {
        long perInstance = OperandFills(tensor, child);
        double charged = Charge(tensor, parent, child, OperandTraffic(tensor, parent, child, perInstance));
        if (_lastLevel != NoLevel) Record(tensor, parent, child, TileMath.TileSize(_problem, tensor, _ext[child]), tensor == TensorKind.Inputs ? InputFloor(child) : 0, charged);
        else if (tensor == TensorKind.Inputs) RecordSlidingInputs(parent, child, perInstance);
    }

    private void AddOutputs(int parent, int child)
    {
        _lastLevel = NoLevel;
        long share = Share(child, TensorKind.Outputs); // distinct output words one instance holds over the run
        long volume = child == _levels ? TemporalIterations
            : child >= _fixedFrom ? TileMath.TileSize(_problem, TensorKind.Outputs, _ext[child]) * Loads(child, OutputDims) : share;
        double charged = Charge(TensorKind.Outputs, parent, child, OutputTraffic(parent, child, volume));
        if (_lastLevel != NoLevel) Record(TensorKind.Outputs, parent, child, TileMath.TileSize(_problem, TensorKind.Outputs, _ext[child]), 0, charged);
    }

    // Outputs between a parent and a child whose instances each hold `volume` words over the run: partial-sum reloads
    // (read at the parent, written into the child) and write-backs (updates at the parent), the finished words drained
    // from the child (read there only under rules that count drain reads).
    private Traffic OutputTraffic(int parent, int child, long volume)
    {
        long heads = OutputHeads(parent, child);
        long reloads = Math.Max(0, volume - Share(child, TensorKind.Outputs)) * heads;
        long drained = volume * _used[child];
        return new Traffic(reloads, volume * heads, _rules.DrainReads ? drained : 0, reloads, drained + reloads);
    }

    // Parent instances times the distinct output tiles among the children of one (the write-back heads).
    private long OutputHeads(int parent, int child) => _outputHeads[parent, child];

    private long ComputeOutputHeads(int parent, int child)
    {
        long groups = 1;
        for (int k = parent; k < child; k++)
            foreach (int d in OutputDims) groups *= (long)_x[k][d] * _y[k][d];
        return groups * _used[parent];
    }

    private int FindNearestFanout(int parent, int child)
    {
        for (int k = child - 1; k >= parent; k--)
            if (_arch.Levels[k].Fanout is not null) return k;
        return -1;
    }

    // AccessCounter's reads factor with the diagonal-multicast sliding sets counted from below. AccessCounter counts the
    // distinct window origins p·stride + r·dilation (rows; columns likewise) over every unrolled P and R loop whose axis
    // shares inputs diagonally. The P loops alone reach exactly the product of their factors: an axis' step spans the
    // unrolling inside it (Y spans X, an outer level spans every inner level's extent), so the offsets are the digits of
    // a mixed radix; R alike. The sum of two sets of integers has at least |A| + |B| − 1 elements (Cauchy–Davenport over
    // the integers), so the origins are at least P's product + R's product − 1, whatever the tile sizes (the steps) are.
    private long ComputeReadsFactor(TensorKind tensor, int parent, int child)
    {
        long factor = 1;
        Span<long> sliding = [1, 1, 1, 1]; // products of the diagonally shared P, R, Q, S factors
        for (int k = parent; k < child; k++)
        {
            var network = _arch.Levels[k].Fanout?.Network;
            for (int axis = 0; axis < 2; axis++)
            {
                var factors = axis == 0 ? _x[k] : _y[k];
                bool shares = network is not null && network.Shares(tensor, axis == 1);
                for (int d = 0; d < Dims.Count; d++)
                {
                    int f = factors[d];
                    if (f <= 1) continue;
                    if (!shares) { factor *= f; continue; }
                    if (!Tensors.IsRelevant(tensor, (Dim)d)) continue;
                    if (tensor == TensorKind.Inputs && network!.DiagonalMulticast && _rules.DiagonalMulticast && d is (int)Dim.P or (int)Dim.R or (int)Dim.Q or (int)Dim.S)
                        sliding[d switch { (int)Dim.P => 0, (int)Dim.R => 1, (int)Dim.Q => 2, _ => 3 }] *= f;
                    else factor *= f;
                }
            }
        }
        return factor * (sliding[0] + sliding[1] - 1) * (sliding[2] + sliding[3] - 1);
    }
}
