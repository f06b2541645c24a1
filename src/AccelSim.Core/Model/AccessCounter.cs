using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Model;

/// <summary>
/// The analytical access model (SPEC §4), allocation-free so the mapper can call it millions of times.
/// <para>
/// Semantics. Each instance of a level holds the tile of every tensor it keeps: what the loops at and below the level touch
/// (inputs as the bounding rows/columns of their sliding window). When the loops above a level advance, the new tile is
/// filled with the words it does not share with the resident one: nothing when only irrelevant loops moved, the
/// non-overlapping rows when a sliding P/Q/R/S loop moved (every overlapping word kept, corners included), all of it otherwise.
/// A parent serves one read per distinct child tile when the network multicasts the tensor, one per child otherwise.
/// Outputs: every residency of an output tile ends with a write-back (an update of the parent, after spatial reduction)
/// and starts with a reload of the partial sums, except the first residency of each tile (first write needs no read);
/// only one child of a reduction group receives the reload. The MAC reads every operand and updates its output every
/// cycle from the innermost level keeping them (Timeloop's convention: no accumulator reuse inside the MAC).
/// </para>
/// <para>
/// Where Timeloop counts differently (drain reads, diagonal multicast, reloads per reduction group, the halo), the rule is a
/// switch of <see cref="CountingRules"/>; the ones above are <see cref="CountingRules.AccelSim"/>.
/// </para>
/// </summary>
internal sealed class AccessCounter
{
    private readonly ProblemShape _problem;
    private readonly Accelerator _arch;
    private readonly CountingRules _rules;
    private readonly int _levels;

    // Mapping, filled by Load or directly by the mapper.
    internal readonly int[][] Temporal, SpatialX, SpatialY;
    internal readonly Dim[][] Order;
    internal readonly TensorSet[] Keeps;
    internal IReadOnlyList<FlattenGroup> Flatten = []; // flattened axes (Load sets them; the mapper's mappings have none)

    // Derived per evaluation.
    private readonly long[][] _ext;           // [level 0..L][dim] tile extents (ext[L] = 1)
    private readonly long[] _usedInstances;   // [level 0..L] instances doing work
    private readonly long[] _spatialProduct;  // [level] children used below the level
    private readonly int[] _loopDim = new int[64];
    private readonly long[] _loopBound = new long[64], _loopStep = new long[64], _prodBefore = new long[65];
    private readonly int[] _levelStart;       // [level 0..L] first flattened loop of a level
    private readonly long[] _reset = new long[Dims.Count], _inner = new long[Dims.Count];
    // The factors the extents, instances and reads factors were derived from (PrepareTiles), and the reads factors per
    // (tensor, parent, child) for them (0: not computed yet).
    private readonly int[][] _preparedTemporal, _preparedX, _preparedY;
    private bool _tilesPrepared;
    private readonly long[,,] _readsFactor;
    private readonly long[,] _outputHeads;   // [parent, child] OutputHeads (0: not computed yet)
    private readonly long[][] _loopUnit;     // [level][dim] the child tile times the level's fan-out (a loop step's unit)
    private readonly long[] _offsetScratch = new long[4096];
    private readonly PartialTiles _partial;   // imperfect factorizations (Model/PartialTiles.cs)
    private bool _imperfect;

    // Per-architecture lookups, hoisted out of the per-evaluation path (the Accelerator computes some on each call).
    private readonly long _systolicSkew, _systolicRows;
    private readonly int[,] _nearestFanout;   // [parent, child] NearestFanout

    public AccessCounter(ProblemShape problem, Accelerator arch, CountingRules? rules = null)
    {
        _problem = problem;
        _arch = arch;
        _rules = rules ?? CountingRules.AccelSim;
        _levels = arch.Levels.Count;
        Temporal = NewJagged<int>(_levels, Dims.Count);
        SpatialX = NewJagged<int>(_levels, Dims.Count);
        SpatialY = NewJagged<int>(_levels, Dims.Count);
        Order = NewJagged<Dim>(_levels, Dims.Count);
        Keeps = new TensorSet[_levels];
        _ext = NewJagged<long>(_levels + 1, Dims.Count);
        _usedInstances = new long[_levels + 1];
        _spatialProduct = new long[_levels];
        _levelStart = new int[_levels + 1];
        _preparedTemporal = NewJagged<int>(_levels, Dims.Count);
        _preparedX = NewJagged<int>(_levels, Dims.Count);
        _preparedY = NewJagged<int>(_levels, Dims.Count);
        _readsFactor = new long[Tensors.Count, _levels + 1, _levels + 1];
        _outputHeads = new long[_levels + 1, _levels + 1];
        _loopUnit = NewJagged<long>(_levels, Dims.Count);
        _partial = new PartialTiles(problem, arch);
        _systolicSkew = arch.SystolicSkew;
        _systolicRows = arch.SystolicRows;
        _nearestFanout = new int[_levels + 1, _levels + 1];
        for (int parent = 0; parent < _levels; parent++)
            for (int child = parent + 1; child <= _levels; child++)
                _nearestFanout[parent, child] = FindNearestFanout(parent, child);
    }

    public ProblemShape Problem => _problem;

    public Accelerator Arch => _arch;

    /// <summary>The counting rules applied.</summary>
    public CountingRules Rules => _rules;

    private static T[][] NewJagged<T>(int outer, int inner)
    {
        var a = new T[outer][];
        for (int i = 0; i < outer; i++) a[i] = new T[inner];
        return a;
    }

    /// <summary>Copies a mapping into the working arrays.</summary>
    public void Load(LoopMapping mapping)
    {
        for (int i = 0; i < _levels; i++)
        {
            var level = mapping.Levels[i];
            for (int d = 0; d < Dims.Count; d++)
            {
                Temporal[i][d] = level.Temporal[d];
                SpatialX[i][d] = level.SpatialX[d];
                SpatialY[i][d] = level.SpatialY[d];
                Order[i][d] = level.Order[d];
            }
            Keeps[i] = level.Keeps;
        }
        Flatten = mapping.Flatten;
    }

    /// <summary>Tile extents per level after <see cref="Prepare"/>: [level][dim], level L being the MAC.</summary>
    internal long[][] Extents => _ext;

    /// <summary>Derives extents, instance counts and the flattened temporal loops from the working arrays.</summary>
    public void Prepare()
    {
        // The mapper evaluates every loop order of one tiling in a row: what depends on the factors only is kept.
        bool sameTiles = SameTilesAsPrepared();
        if (!sameTiles) PrepareTiles();
        PrepareLoops();
        // Only the factors decide whether the tiling is perfect: a perfect one stays so under another order.
        if (!sameTiles || _imperfect || Flatten.Count > 0)
            _imperfect = _partial.Prepare(Temporal, SpatialX, SpatialY, Order, flatten: Flatten);
        _tilesPrepared = true; // only now: a step that threw leaves nothing to reuse
    }

    // True when the factors are those of the last PrepareTiles.
    private bool SameTilesAsPrepared()
    {
        if (!_tilesPrepared) return false;
        for (int i = 0; i < _levels; i++)
            if (!Temporal[i].AsSpan().SequenceEqual(_preparedTemporal[i]) || !SpatialX[i].AsSpan().SequenceEqual(_preparedX[i])
                || !SpatialY[i].AsSpan().SequenceEqual(_preparedY[i])) return false;
        return true;
    }

    // Extents and instances (the factors' products), remembering the factors they came from; forgets the reads factors.
    private void PrepareTiles()
    {
        _tilesPrepared = false;
        for (int i = 0; i < _levels; i++)
        {
            Array.Copy(Temporal[i], _preparedTemporal[i], Dims.Count);
            Array.Copy(SpatialX[i], _preparedX[i], Dims.Count);
            Array.Copy(SpatialY[i], _preparedY[i], Dims.Count);
        }
        Array.Clear(_readsFactor);
        Array.Clear(_outputHeads);
        for (int d = 0; d < Dims.Count; d++) _ext[_levels][d] = 1;
        for (int i = _levels - 1; i >= 0; i--)
            for (int d = 0; d < Dims.Count; d++)
                _ext[i][d] = _ext[i + 1][d] * Temporal[i][d] * SpatialX[i][d] * SpatialY[i][d];

        _usedInstances[0] = 1;
        for (int i = 0; i < _levels; i++)
        {
            long s = 1;
            for (int d = 0; d < Dims.Count; d++) s *= (long)SpatialX[i][d] * SpatialY[i][d];
            _spatialProduct[i] = s;
            _usedInstances[i + 1] = _usedInstances[i] * s;
            for (int d = 0; d < Dims.Count; d++) _loopUnit[i][d] = _ext[i + 1][d] * SpatialX[i][d] * SpatialY[i][d];
        }
    }

    // Flattens the temporal loops with bound > 1, outermost level first, each level in its order, with their steps.
    private void PrepareLoops()
    {
        int n = 0;
        var inner = _inner;
        for (int i = 0; i < _levels; i++)
        {
            _levelStart[i] = n;
            int first = n;
            foreach (var dim in Order[i])
            {
                int b = Temporal[i][(int)dim];
                if (b <= 1) continue;
                _loopDim[n] = (int)dim;
                _loopBound[n] = b;
                n++;
            }
            // Steps: one iteration of a loop spans everything inside it at this level, the spatial unrolling and the child tile.
            Array.Copy(_loopUnit[i], inner, Dims.Count);
            for (int l = n - 1; l >= first; l--)
            {
                _loopStep[l] = inner[_loopDim[l]];
                inner[_loopDim[l]] *= _loopBound[l];
            }
        }
        _levelStart[_levels] = n;
        _prodBefore[0] = 1;
        for (int l = 0; l < n; l++) _prodBefore[l + 1] = _prodBefore[l] * _loopBound[l];
    }

    /// <summary>True after <see cref="Prepare"/> when some dim's factors multiply to more than its bound.</summary>
    public bool Imperfect => _imperfect;

    /// <summary>True after <see cref="Prepare"/> when an imperfect mapping has a loop iteration that never does work (invalid).</summary>
    public bool WastesIterations => _imperfect && _partial.WastesIterations;

    /// <summary>Temporal iterations of the whole nest (ideal compute cycles) after <see cref="Prepare"/>.</summary>
    public long TemporalIterations => _imperfect ? _partial.TemporalIterations : _prodBefore[_levelStart[_levels]];

    /// <summary>Folds after <see cref="Prepare"/>: compute blocks of the innermost level, one per iteration of the loops above it.</summary>
    public long Folds => _imperfect ? _partial.Folds : _prodBefore[_levelStart[_levels - 1]];

    /// <summary>
    /// Systolic cycles each fold adds to its stream after <see cref="Prepare"/>: the wavefront's fill and drain
    /// (rows + columns − 2 of every systolic fan-out) and, when an operand stays in the PEs for the whole fold (weight or
    /// input stationary: the innermost level keeps it and none of its loops indexes it), the rows cycles that load it
    /// into the array first, as SCALE-Sim's weight- and input-stationary folds do (docs/simulator.md). 0 without a
    /// systolic fan-out.
    /// </summary>
    public long SystolicFoldCycles
    {
        get
        {
            if (_systolicSkew == 0) return 0;
            return _systolicSkew + (StationaryOperand(TensorKind.Weights) || StationaryOperand(TensorKind.Inputs) ? _systolicRows : 0);
        }
    }

    // True when the innermost level keeps the operand and none of its temporal loops (those of one fold) indexes it.
    private bool StationaryOperand(TensorKind tensor)
    {
        int inner = _levels - 1;
        if (!Keeps[inner].Has(tensor)) return false;
        for (int l = _levelStart[inner]; l < _levelStart[_levels]; l++)
            if (_loopBound[l] > 1 && Tensors.IsRelevant(tensor, (Dim)_loopDim[l])) return false;
        return true;
    }

    /// <summary>Children used below each level after <see cref="Prepare"/>.</summary>
    public long SpatialProduct(int level) => _spatialProduct[level];

    /// <summary>Instances of a level doing work after <see cref="Prepare"/>.</summary>
    public long UsedInstances(int level) => _usedInstances[level];

    /// <summary>Tile size of a tensor at a level after <see cref="Prepare"/> (level L is one MAC: 1 word).</summary>
    public long TileSize(int level, TensorKind tensor) =>
        _imperfect ? _partial.TileSize(level, tensor) : TileMath.TileSize(_problem, tensor, _ext[level]);

    /// <summary>Counts every access into <paramref name="counts"/> (cleared first). Call <see cref="Prepare"/> before.</summary>
    public void Count(AccessCounts counts)
    {
        if (_imperfect)
        {
            // PartialTiles implements AccelSim's counting rules only (docs/model.md, Imperfect factorization).
            if (_rules != CountingRules.AccelSim)
                throw new MappingException(Flatten.Count > 0
                    ? $"flattened dims ({string.Join(", ", Flatten.Select(g => g.Name))}) are counted with AccelSim's rules only, not with --counting timeloop"
                    : "imperfect factors are counted with AccelSim's rules only, not with --counting timeloop");
            _partial.Count(counts, Keeps);
            return;
        }
        counts.Clear();
        counts.Macs = _problem.Macs;
        for (int t = 0; t < Tensors.Count; t++)
        {
            var tensor = (TensorKind)t;
            int parent = 0;
            for (int child = 1; child <= _levels; child++)
            {
                if (child < _levels && !Keeps[child].Has(tensor)) continue;
                if (tensor == TensorKind.Outputs) CountOutputs(counts, parent, child);
                else CountOperand(counts, tensor, parent, child);
                parent = child;
            }
        }
    }

    // Weights or inputs moving from a parent level to a child level (or the MAC when child == L).
    private void CountOperand(AccessCounts counts, TensorKind tensor, int parent, int child)
    {
        long perInstance = child == _levels ? TemporalIterations : FillsPerInstance(tensor, child);
        long childTotal = perInstance * _usedInstances[child];
        long parentReads = perInstance * ReadsFactor(tensor, parent, child) * _usedInstances[parent];
        counts.At(parent, tensor).Reads += parentReads;
        if (child < _levels) counts.At(child, tensor).Fills += childTotal;
        int net = _nearestFanout[parent, child];
        if (net >= 0) counts.NetworkWords(net, tensor) += childTotal;
    }

    // Outputs: residencies of the child tile, write-backs (updates at the parent) and partial-sum reloads.
    private void CountOutputs(AccessCounts counts, int parent, int child)
    {
        long tile = child == _levels ? 1 : TileSize(child, TensorKind.Outputs);
        int end = _levelStart[child];
        long residencies, distinctTiles = 1;
        for (int l = 0; l < end; l++)
            if (Tensors.IsRelevant(TensorKind.Outputs, (Dim)_loopDim[l])) distinctTiles *= _loopBound[l];
        residencies = child == _levels ? TemporalIterations : Residencies(child);

        long heads = OutputHeads(parent, child);
        long writeBacks = residencies * tile * heads;
        long reloads = (residencies - distinctTiles) * tile * heads;
        ref var p = ref counts.At(parent, TensorKind.Outputs);
        p.Updates += writeBacks;
        p.Reads += reloads;
        long drained = residencies * tile * _usedInstances[child];
        // Reloads fill one child of each reduction group, or (Timeloop) every child of it.
        long reloadFills = _rules.ReloadEveryChild ? reloads / heads * _usedInstances[child] : reloads;
        if (child < _levels)
        {
            ref var c = ref counts.At(child, TensorKind.Outputs);
            if (_rules.DrainReads) c.Reads += drained;
            c.Fills += reloadFills;
        }
        int net = _nearestFanout[parent, child];
        if (net >= 0) counts.NetworkWords(net, TensorKind.Outputs) += drained + reloadFills;
    }

    private static readonly Dim[] OutputDims = [Dim.N, Dim.G, Dim.M, Dim.P, Dim.Q];

    // Parent instances times the distinct output tiles among the children of one (the write-back heads): spatial only,
    // so computed once per tiling.
    private long OutputHeads(int parent, int child)
    {
        ref long cached = ref _outputHeads[parent, child];
        if (cached != 0) return cached;
        long groups = 1; // distinct output tiles among the children of one parent instance
        for (int k = parent; k < child; k++)
            foreach (var d in OutputDims) groups *= (long)SpatialX[k][(int)d] * SpatialY[k][(int)d];
        return cached = groups * _usedInstances[parent];
    }

    // Innermost fan-out between parent and child that exists in the architecture (it carries the child-side traffic).
    private int FindNearestFanout(int parent, int child)
    {
        for (int k = child - 1; k >= parent; k--)
            if (_arch.Levels[k].Fanout is not null) return k;
        return -1;
    }

    // Number of tile residencies (changes of the output tile) at a child level, first one included.
    private long Residencies(int child) => 1 + TransitionSum(child, TensorKind.Outputs, 1, 0, 0, 0);

    // Words filled into one instance of a child level over the whole run: the first tile plus, for every advance of a loop
    // above the level, the part of the new tile that the resident tile does not already hold.
    private long FillsPerInstance(TensorKind tensor, int child)
    {
        long tile = TileSize(child, tensor);
        if (tensor == TensorKind.Weights) return tile + TransitionSum(child, tensor, tile, 0, 0, 0);
        var ext = _ext[child];
        long h = TileMath.InputRows(_problem, ext), w = TileMath.InputColumns(_problem, ext);
        return tile + TransitionSum(child, tensor, tile, tile / (h * w), h, w);
    }

    // Walks the loops above a level from innermost to outermost. For loop l, delta is how the tile origin moves (per dim,
    // in index units) when l advances by one and every loop inside it wraps back to zero: its step in its own dim, minus
    // what the loops inside it wound up in every dim (reset). l advances prodBefore[l]·(bound−1) times, and each advance
    // costs the words of the new tile not in the old one.
    private long TransitionSum(int child, TensorKind tensor, long tile, long plane, long h, long w)
    {
        int end = _levelStart[child];
        var reset = _reset;
        Array.Clear(reset);
        int wound = 0; // dims whose reset is not 0 (steps and bounds above 1 only add to it), so their delta is not 0 either
        int relevant = Tensors.RelevantMask(tensor);
        int planes = tensor == TensorKind.Inputs ? (1 << (int)Dim.N) | (1 << (int)Dim.G) | (1 << (int)Dim.C) : relevant;
        long sum = 0;
        for (int l = end - 1; l >= 0; l--)
        {
            int d = _loopDim[l];
            long step = _loopStep[l];
            long advances = _prodBefore[l] * (_loopBound[l] - 1);
            if (Moves(planes, wound, d, step))
                sum += advances * tile;
            else if (tensor == TensorKind.Inputs)
            {
                long shiftH = Math.Abs(Delta(Dim.P, d, step) * _problem.StrideH + Delta(Dim.R, d, step) * _problem.DilationH);
                long shiftW = Math.Abs(Delta(Dim.Q, d, step) * _problem.StrideW + Delta(Dim.S, d, step) * _problem.DilationW);
                if (!KeepsHalo(l == end - 1, shiftH, shiftW)) sum += advances * tile;
                else
                {
                    long overlap = plane * Math.Max(0, h - shiftH) * Math.Max(0, w - shiftW);
                    sum += advances * (tile - overlap);
                }
            }
            reset[d] += (_loopBound[l] - 1) * step;
            wound |= 1 << d;
        }
        return sum;
    }

    // True when advancing a loop over dim d (the loops inside it wrapping back) moves the tile origin in a dim of `dims`.
    private bool Moves(int dims, int wound, int d, long step) =>
        (dims & wound & ~(1 << d)) != 0 || ((dims & (1 << d)) != 0 && step != _reset[d]);

    // The tile origin's move in `dim` when a loop over d with this step advances (TransitionSum's delta).
    private long Delta(Dim dim, int d, long step) => (d == (int)dim ? step : 0) - _reset[(int)dim];

    // Whether the resident input tile's overlap with the next one is kept (CountingRules.Halo); innermost: the advancing loop
    // is the innermost one above the buffer.
    private bool KeepsHalo(bool innermost, long shiftH, long shiftW) => _rules.Halo switch
    {
        HaloRule.AnyOverlap => true,
        HaloRule.OneAxisShift => shiftH == 0 || shiftW == 0,
        _ => innermost && (shiftH == 0 || shiftW == 0),
    };

    // Parent reads per child fill word: distinct child tiles among the children of one parent instance along every axis
    // whose network shares the tensor (multicast or forwarding); an axis that cannot share multiplies by all its children.
    // Sliding input dims combine into distinct window origins only where the network multicasts diagonally and the
    // counting rules allow it (Timeloop's do not).
    private long ReadsFactor(TensorKind tensor, int parent, int child)
    {
        ref long cached = ref _readsFactor[(int)tensor, parent, child];
        if (cached == 0) cached = ComputeReadsFactor(tensor, parent, child);
        return cached;
    }

    private long ComputeReadsFactor(TensorKind tensor, int parent, int child)
    {
        long factor = 1;
        int hLoops = 0, wLoops = 0;
        Span<long> hCount = stackalloc long[16], hStride = stackalloc long[16], wCount = stackalloc long[16], wStride = stackalloc long[16];
        for (int k = parent; k < child; k++)
        {
            if (_spatialProduct[k] == 1) continue;
            var network = _arch.Levels[k].Fanout?.Network;
            for (int axis = 0; axis < 2; axis++)
            {
                var factors = axis == 0 ? SpatialX[k] : SpatialY[k];
                if (network is null || !network.Shares(tensor, axis == 1))
                {
                    for (int d = 0; d < Dims.Count; d++) factor *= factors[d];
                    continue;
                }
                for (int d = 0; d < Dims.Count; d++)
                {
                    int f = factors[d];
                    if (f <= 1 || !Tensors.IsRelevant(tensor, (Dim)d)) continue;
                    if (tensor == TensorKind.Inputs && network.DiagonalMulticast && _rules.DiagonalMulticast && d is (int)Dim.P or (int)Dim.R or (int)Dim.Q or (int)Dim.S)
                    {
                        // X is unrolled inside Y: an X step spans the child tile, a Y step spans the X unrolling too.
                        long step = _ext[k + 1][d] * (axis == 1 ? SpatialX[k][d] : 1);
                        bool vertical = d is (int)Dim.P or (int)Dim.R;
                        long unit = d switch
                        {
                            (int)Dim.P => _problem.StrideH,
                            (int)Dim.R => _problem.DilationH,
                            (int)Dim.Q => _problem.StrideW,
                            _ => _problem.DilationW,
                        };
                        if (vertical) { hCount[hLoops] = f; hStride[hLoops++] = step * unit; }
                        else { wCount[wLoops] = f; wStride[wLoops++] = step * unit; }
                    }
                    else factor *= f;
                }
            }
        }
        if (hLoops > 0) factor *= DistinctOffsets(hCount[..hLoops], hStride[..hLoops]);
        if (wLoops > 0) factor *= DistinctOffsets(wCount[..wLoops], wStride[..wLoops]);
        return factor;
    }

    // Number of distinct values of Σ i_k·stride_k with 0 ≤ i_k < count_k: children whose input windows start on the same row
    // hold the same rows (e.g. Eyeriss' diagonal: PE (r, p) needs row p + r).
    private long DistinctOffsets(ReadOnlySpan<long> count, ReadOnlySpan<long> stride)
    {
        if (count.Length == 1) return count[0];
        long combos = 1;
        foreach (var c in count) combos *= c;
        if (combos > _offsetScratch.Length) return DistinctOffsetsSlow(count, stride);
        int n = 1;
        _offsetScratch[0] = 0;
        for (int k = 0; k < count.Length; k++)
        {
            int before = n;
            for (long i = 1; i < count[k]; i++)
                for (int j = 0; j < before; j++) _offsetScratch[n++] = _offsetScratch[j] + i * stride[k];
        }
        var span = _offsetScratch.AsSpan(0, n);
        span.Sort();
        long distinct = 1;
        for (int i = 1; i < n; i++) if (span[i] != span[i - 1]) distinct++;
        return distinct;
    }

    private static long DistinctOffsetsSlow(ReadOnlySpan<long> count, ReadOnlySpan<long> stride)
    {
        var set = new HashSet<long> { 0 };
        for (int k = 0; k < count.Length; k++)
        {
            var next = new HashSet<long>();
            foreach (var o in set) for (long i = 0; i < count[k]; i++) next.Add(o + i * stride[k]);
            set = next;
        }
        return set.Count;
    }
}
