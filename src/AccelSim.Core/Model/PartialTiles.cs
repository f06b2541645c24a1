using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Model;

/// <summary>
/// Exact access counts of an imperfectly factorized mapping (Ruby, Horeni et al., ISPASS 2022): the factors of a dim
/// multiply to at least its bound, and the points of the nest whose index reaches past a bound do not exist. A loop's
/// last iteration then runs a partial tile, the last spatial fold leaves units idle, and every tile is the box of its
/// loops clipped to the bounds (docs/model.md, "Imperfect factorization").
/// <para>
/// The counts are closed forms per loop, never a walk of the nest. For the transitions of one loop, the tile of every
/// instance before and after the advance is a product over dims of one interval each, and the instances and contexts
/// are a product of per-dim choices; so a sum over them of |new| − |new ∩ old| is Π_d Σ new − Π_d Σ overlap. Per dim
/// the choices are few: a temporal loop above every spatial loop of its dim takes its first iteration, its full middle
/// ones (one representative, weighted by their number) or its last, partial one; loops under a spatial loop of their
/// dim, and spatial loops, are enumerated. Siblings that share a tile (multicast, reduction) are grouped by their
/// interval per dim; a group's members form a product set, so group sums factor the same way.
/// </para>
/// <para>
/// Flattened axes (docs/model.md, "Flattened axes"): a group's joint dim is walked as one dim on its first member with the
/// joint bound (the other members have bound 1 and no loops). A tensor indexed directly by every member (outputs by P*Q,
/// weights by C*R*S) sees the flat range one to one, and a tensor indexed by none ignores it, so both are counted as
/// above. Inputs couple a group with the window's partner dims: such a component becomes one joint super-dim whose
/// records are the product of its carriers' records, each holding its old and new words as a <see cref="BoxSet"/>
/// (<see cref="FlatInputs"/>); the joint dims' loops are then enumerated iteration by iteration (different folds
/// decompose into different boxes), never by a representative.
/// </para>
/// </summary>
internal sealed class PartialTiles
{
    private const long Outside = long.MaxValue, Inside = long.MinValue;

    private readonly ProblemShape _p;
    private readonly Accelerator _arch;
    private readonly int _levels;
    private readonly long[] _bound; // per dim; a flattened group's first member holds the joint bound, its others 1
    private IReadOnlyList<FlattenGroup> _groups = [];
    private FlatInputs? _flatInputs;
    private readonly bool[] _enumerate = new bool[Dims.Count]; // joint dims walked iteration by iteration (inputs)
    private long[]? _largestInput; // [level] largest input tile with flattened axes

    // Digits (loops) of each dim, outermost first in nest order: level i's temporal loop (at its place in the level's
    // order), then its Y and X spatial loops. Pos orders digits of different dims: temporal loop l at 2l, a level's
    // spatial loops after all of its temporal ones.
    private readonly int[][] _digitFactor = new int[Dims.Count][], _digitLevel = new int[Dims.Count][];
    private readonly long[][] _digitPos = new long[Dims.Count][], _digitInner = new long[Dims.Count][];
    private readonly bool[][] _digitSpatial = new bool[Dims.Count][];
    private readonly bool[][] _digitOnY = new bool[Dims.Count][]; // a spatial digit's axis (per-axis network semantics)
    private readonly int[] _digits = new int[Dims.Count];
    private int _loops;
    private readonly int[] _levelStart;
    private readonly long[][] _clipped; // [level 0..L][dim] largest tile extent (the first tile)

    // Walk state.
    // Buffers: 0..7 dims, 8 and 9 input rows and columns, 10 and 11 joint input components (flattened axes).
    private const int JointBuffer = Dims.Count + 2, Buffers = Dims.Count + 4;
    private readonly Rec[][] _rec = new Rec[Buffers][];
    private readonly int[] _recCount = new int[Buffers];
    private long _boundary;
    private int _mode;
    private int _mergeFrom, _mergeTo;
    private bool _mergeAll;
    private TensorKind _tensor;

    private const int Transition = 0, First = 1, Last = 2, Positions = 3;

    // One choice of an instance and a moment, for one dim: the child's interval before (O) and after (N) a transition.
    // In a joint buffer OLo and NLo are ids of the old and new word sets (BoxSet), OLen and NLen their sizes, and Ov
    // the words they share.
    private struct Rec
    {
        public long W, K1, K2, OLo, OLen, NLo, NLen, Ov;
        public bool Zero;
    }

    public PartialTiles(ProblemShape problem, Accelerator arch)
    {
        _p = problem;
        _arch = arch;
        _levels = arch.Levels.Count;
        _bound = new long[Dims.Count];
        _levelStart = new int[_levels + 1];
        _clipped = new long[_levels + 1][];
        for (int i = 0; i <= _levels; i++) _clipped[i] = new long[Dims.Count];
        for (int d = 0; d < Dims.Count; d++)
        {
            int cap = 3 * _levels + 1;
            _digitFactor[d] = new int[cap]; _digitLevel[d] = new int[cap];
            _digitPos[d] = new long[cap]; _digitInner[d] = new long[cap]; _digitSpatial[d] = new bool[cap]; _digitOnY[d] = new bool[cap];
        }
        for (int k = 0; k < _rec.Length; k++) _rec[k] = new Rec[64];
        SetBounds();
    }

    // The bound of every dim: the problem's, a flattened group's joint bound on its first member and 1 on its others.
    private void SetBounds()
    {
        for (int d = 0; d < Dims.Count; d++) _bound[d] = _p[(Dim)d];
        foreach (var g in _groups)
            foreach (var m in g.Members) _bound[(int)m] = m == g.First ? g.JointBound(_p) : 1;
    }

    /// <summary>Temporal iterations that do work (ideal compute cycles) after <see cref="Prepare"/>.</summary>
    public long TemporalIterations { get; private set; }

    /// <summary>Iterations of the loops above the innermost level that do work (systolic folds) after <see cref="Prepare"/>.</summary>
    public long Folds { get; private set; }

    /// <summary>
    /// True after <see cref="Prepare"/> when some loop has an iteration that never does work ((factor − 1) × product
    /// inside ≥ bound): such a mapping breaks the coverage rule (<see cref="Mapping.FactorCoverage"/>) and the mapper skips it.
    /// </summary>
    public bool WastesIterations { get; private set; }

    /// <summary>
    /// Reads the mapping's factors; returns false when every dim's factors multiply to exactly its bound (the perfect
    /// closed form of <see cref="AccessCounter"/> applies), true when some dim is imperfect and these counts are needed.
    /// <paramref name="force"/> prepares a perfect mapping too (tests compare both closed forms on it).
    /// </summary>
    public bool Prepare(int[][] temporal, int[][] spatialX, int[][] spatialY, Dim[][] order, bool force = false,
        IReadOnlyList<FlattenGroup>? flatten = null)
    {
        // The bounds stay the problem's while there are no flattened axes, before and now (the mapper's hot path).
        bool regroup = _groups.Count > 0 || flatten is { Count: > 0 };
        _groups = flatten ?? [];
        if (regroup) SetBounds();
        _flatInputs = _groups.Count > 0 ? new FlatInputs(_p, _groups) : null;
        if (_flatInputs is not null) ClearSets();
        _largestInput = null;
        bool imperfect = _groups.Count > 0;
        for (int d = 0; d < Dims.Count; d++)
        {
            long product = 1;
            for (int i = 0; i < _levels; i++) product *= (long)temporal[i][d] * spatialX[i][d] * spatialY[i][d];
            if (product != _bound[d]) imperfect = true;
        }
        if (!imperfect && !force) return false;

        _loops = 0;
        Array.Clear(_digits);
        for (int i = 0; i < _levels; i++)
        {
            _levelStart[i] = _loops;
            foreach (var dim in order[i])
            {
                int d = (int)dim, f = temporal[i][d];
                if (f <= 1) continue;
                AddDigit(d, f, i, 2L * _loops, spatial: false);
                _loops++;
            }
            for (int d = 0; d < Dims.Count; d++)
            {
                if (spatialY[i][d] > 1) AddDigit(d, spatialY[i][d], i, 2L * _loops - 1, spatial: true, onY: true);
                if (spatialX[i][d] > 1) AddDigit(d, spatialX[i][d], i, 2L * _loops - 1, spatial: true);
            }
        }
        _levelStart[_levels] = _loops;
        for (int d = 0; d < Dims.Count; d++)
        {
            long inner = 1;
            for (int k = _digits[d] - 1; k >= 0; k--) { _digitInner[d][k] = inner; inner *= _digitFactor[d][k]; }
            for (int c = 0; c <= _levels; c++) _clipped[c][d] = Math.Min(ChildSpan(d, c), _bound[d]);
        }
        WastesIterations = false;
        for (int d = 0; d < Dims.Count; d++)
            for (int k = 0; k < _digits[d]; k++)
                if ((_digitFactor[d][k] - 1) * _digitInner[d][k] >= _bound[d]) WastesIterations = true;
        TemporalIterations = 1;
        Folds = 1;
        for (int d = 0; d < Dims.Count; d++)
        {
            TemporalIterations = checked(TemporalIterations * LockstepIterations(d, 0, _bound[d], _levels));
            Folds = checked(Folds * LockstepIterations(d, 0, _bound[d], _levels - 1));
        }
        return true;
    }

    private void AddDigit(int d, int factor, int level, long pos, bool spatial, bool onY = false)
    {
        int k = _digits[d]++;
        _digitFactor[d][k] = factor; _digitLevel[d][k] = level; _digitPos[d][k] = pos; _digitSpatial[d][k] = spatial; _digitOnY[d][k] = onY;
    }

    // Span of the child tile of a level in one dim: the product of the dim's factors at and below that level.
    private long ChildSpan(int d, int child)
    {
        long span = 1;
        for (int k = 0; k < _digits[d]; k++) if (_digitLevel[d][k] >= child) span *= _digitFactor[d][k];
        return span;
    }

    // Iterations of the dim's temporal loops above `levelLimit` that hold work, from digit k in a context of `len`
    // indices. All instances run in lock step, so a loop runs as long as its first instance (spatial index 0) has work.
    private long LockstepIterations(int d, int k, long len, int levelLimit)
    {
        for (; k < _digits[d] && _digitLevel[d][k] < levelLimit; k++)
        {
            long inner = _digitInner[d][k];
            if (_digitSpatial[d][k]) { len = Math.Min(len, inner); continue; }
            long trips = (len + inner - 1) / inner, last = len - (trips - 1) * inner;
            if (last == inner) return trips * LockstepIterations(d, k + 1, inner, levelLimit);
            return (trips - 1) * LockstepIterations(d, k + 1, inner, levelLimit) + LockstepIterations(d, k + 1, last, levelLimit);
        }
        return 1;
    }

    /// <summary>Words of the largest tile of a tensor at a level (the first one, clipped to the bounds, but for inputs with flattened axes).</summary>
    public long TileSize(int level, TensorKind tensor)
    {
        if (_flatInputs is null || tensor != TensorKind.Inputs) return TileMath.TileSize(_p, tensor, _clipped[level]);
        _largestInput ??= new long[_levels + 1];
        if (_largestInput[level] == 0) _largestInput[level] = LargestInputTile(level);
        return _largestInput[level];
    }

    // With flattened axes the first input tile need not be the largest (a fold over P*Q that starts mid-row touches two
    // partial rows): every joint dim takes each of its tiles at the level, the other dims their first (largest) one.
    private long LargestInputTile(int level)
    {
        var fi = _flatInputs!;
        var ext = (long[])_clipped[level].Clone();
        long size = 1;
        foreach (var d in new[] { Dim.N, Dim.G, Dim.C })
            if (!fi.InJoint(d)) size = checked(size * ext[(int)d]);
        if (!fi.InJoint(Dim.P)) size = checked(size * TileMath.InputRows(_p, ext));
        if (!fi.InJoint(Dim.Q)) size = checked(size * TileMath.InputColumns(_p, ext));
        foreach (var c in fi.Components)
        {
            long best = 0;
            int n = c.Carriers.Length;
            var tiles = new long[n];
            for (int i = 0; i < n; i++) tiles[i] = IsJoint(c.Carriers[i]) ? (_bound[c.Carriers[i]] + ext[c.Carriers[i]] - 1) / ext[c.Carriers[i]] : 1;
            var pick = new long[n];
            var lo = new long[FlatInputs.MaxCarriers]; var len = new long[FlatInputs.MaxCarriers];
            while (true)
            {
                for (int i = 0; i < n; i++)
                {
                    long span = ext[c.Carriers[i]];
                    lo[i] = pick[i] * span;
                    len[i] = Math.Min(span, _bound[c.Carriers[i]] - lo[i]);
                }
                best = Math.Max(best, fi.Set(c, lo.AsSpan(0, n), len.AsSpan(0, n)).Size);
                int k = n - 1;
                for (; k >= 0; k--)
                {
                    if (++pick[k] < tiles[k]) break;
                    pick[k] = 0;
                }
                if (k < 0) break;
            }
            size = checked(size * best);
        }
        return size;
    }

    private bool IsJoint(int d)
    {
        foreach (var g in _groups) if ((int)g.First == d) return true;
        return false;
    }

    /// <summary>Counts every access of the prepared imperfect mapping into <paramref name="counts"/> (cleared first).</summary>
    public void Count(AccessCounts counts, TensorSet[] keeps)
    {
        counts.Clear();
        counts.Macs = _p.Macs;
        foreach (var tensor in Tensors.All)
        {
            int parent = 0;
            for (int child = 1; child <= _levels; child++)
            {
                if (child < _levels && !keeps[child].Has(tensor)) continue;
                if (tensor == TensorKind.Outputs) CountOutputs(counts, parent, child);
                else CountOperand(counts, tensor, parent, child);
                parent = child;
            }
        }
    }

    private void CountOperand(AccessCounts counts, TensorKind tensor, int parent, int child)
    {
        int net = NearestFanout(parent, child);
        ref var p = ref counts.At(parent, tensor);
        if (child == _levels)
        {
            // The MAC reads its operand at every step that does work.
            // The MAC reads its operand at every step that does work: the parent once per distinct tile of its children
            // (multicast), the network once per MAC.
            Collect(tensor, parent, child, Positions, Outside);
            p.Reads += Product(Agg.GroupNew);
            if (net >= 0) counts.NetworkWords(net, tensor) += Product(Agg.MemberNew);
            return;
        }
        ref var c = ref counts.At(child, tensor);
        Collect(tensor, parent, child, First, Inside);
        long fills = Product(Agg.MemberNew), reads = Product(Agg.GroupNew);
        for (int l = 0; l < _levelStart[child]; l++)
        {
            Collect(tensor, parent, child, Transition, 2L * l);
            fills += Product(Agg.MemberNew) - Product(Agg.MemberOverlap);
            reads += Product(Agg.GroupNew) - Product(Agg.GroupOverlap);
        }
        c.Fills += fills;
        p.Reads += reads;
        if (net >= 0) counts.NetworkWords(net, tensor) += fills;
    }

    private void CountOutputs(AccessCounts counts, int parent, int child)
    {
        int net = NearestFanout(parent, child);
        ref var p = ref counts.At(parent, TensorKind.Outputs);
        if (child == _levels)
        {
            // Every step that does work updates each distinct output point of the siblings; a point seen before is reloaded.
            Collect(TensorKind.Outputs, parent, child, Positions, Outside);
            long updates = Product(Agg.GroupNew), reloads = updates - Product(Agg.GroupNewZero);
            p.Updates += updates;
            p.Reads += reloads;
            if (net >= 0) counts.NetworkWords(net, TensorKind.Outputs) += Product(Agg.MemberNew) + reloads;
            return;
        }
        ref var c = ref counts.At(child, TensorKind.Outputs);
        long drains = 0, writeBacks = 0, reloadWords = 0;
        for (int l = 0; l < _levelStart[child]; l++)
        {
            Collect(TensorKind.Outputs, parent, child, Transition, 2L * l);
            drains += Product(Agg.MemberOld) - Product(Agg.MemberOldKept);
            writeBacks += Product(Agg.GroupOld) - Product(Agg.GroupOldKept);
            reloadWords += Product(Agg.GroupNew) - Product(Agg.GroupNewKept) - Product(Agg.GroupNewZero) + Product(Agg.GroupNewKeptZero);
        }
        Collect(TensorKind.Outputs, parent, child, Last, Inside);
        drains += Product(Agg.MemberOld);
        writeBacks += Product(Agg.GroupOld);
        c.Reads += drains;
        c.Fills += reloadWords;
        p.Updates += writeBacks;
        p.Reads += reloadWords;
        if (net >= 0) counts.NetworkWords(net, TensorKind.Outputs) += drains + reloadWords;
    }

    private int NearestFanout(int parent, int child)
    {
        for (int k = child - 1; k >= parent; k--)
            if (_arch.Levels[k].Fanout is not null) return k;
        return -1;
    }

    // ---- Per-dim choices -------------------------------------------------------------------------------------------

    // The super-dims of a tensor: buffers 0..7 hold each dim's records; for inputs, buffer 8 holds rows (P with R) and
    // buffer 9 columns (Q with S), and P, R, Q, S are not used on their own.
    private int _superCount;
    private readonly int[] _super = new int[Buffers];

    private static readonly Dim[] InputPlainDims = [Dim.N, Dim.G, Dim.C, Dim.M];

    private void Collect(TensorKind tensor, int parent, int child, int mode, long boundary)
    {
        _tensor = tensor; _mode = mode; _boundary = boundary;
        _mergeFrom = parent; _mergeTo = child; _mergeAll = tensor == TensorKind.Outputs;
        Array.Clear(_summed);
        Array.Clear(_merged);
        var flat = tensor == TensorKind.Inputs ? _flatInputs : null;
        for (int d = 0; d < Dims.Count; d++)
        {
            _enumerate[d] = flat is not null && IsJoint(d);
            _recCount[d] = 0;
            var start = new Rec { W = 1, OLen = _bound[d], NLen = _bound[d], Zero = true };
            Walk(d, child, 0, start, _bound[d], _bound[d], false);
        }
        _superCount = 0;
        if (flat is not null)
        {
            // Flattened axes: dims of a joint component count only through it (FlatInputs).
            foreach (var d in InputPlainDims) if (!flat.InJoint(d)) _super[_superCount++] = (int)d;
            if (!flat.InJoint(Dim.P)) { Join(Dims.Count, (int)Dim.P, (int)Dim.R, _p.StrideH, _p.DilationH); _super[_superCount++] = Dims.Count; }
            if (!flat.InJoint(Dim.Q)) { Join(Dims.Count + 1, (int)Dim.Q, (int)Dim.S, _p.StrideW, _p.DilationW); _super[_superCount++] = Dims.Count + 1; }
            for (int k = 0; k < flat.Components.Count; k++)
            {
                JoinSets(JointBuffer + k, flat, flat.Components[k]);
                _super[_superCount++] = JointBuffer + k;
            }
        }
        else if (tensor == TensorKind.Inputs)
        {
            Join(Dims.Count, (int)Dim.P, (int)Dim.R, _p.StrideH, _p.DilationH);
            Join(Dims.Count + 1, (int)Dim.Q, (int)Dim.S, _p.StrideW, _p.DilationW);
            foreach (var d in InputPlainDims) _super[_superCount++] = (int)d;
            _super[_superCount++] = Dims.Count;
            _super[_superCount++] = Dims.Count + 1;
        }
        else
            for (int d = 0; d < Dims.Count; d++) _super[_superCount++] = d;
        for (int s = 0; s < _superCount; s++)
        {
            int b = _super[s];
            bool relevant = b >= Dims.Count || Tensors.IsRelevant(tensor, (Dim)b);
            var span = _rec[b].AsSpan(0, _recCount[b]);
            for (int i = 0; i < span.Length; i++)
            {
                ref var r = ref span[i];
                if (!relevant)
                {
                    // A dim that does not index the tensor only decides whether the instance has work.
                    r.OLo = 0; r.NLo = 0;
                    r.OLen = r.OLen > 0 ? 1 : 0;
                    r.NLen = r.NLen > 0 ? 1 : 0;
                }
                else r.Zero = true; // only loops of dims that do not index outputs decide a first visit
            }
        }
    }

    // Rows (or columns) of inputs: the window of a P interval and an R interval; empty when either is.
    private void Join(int into, int a, int b, int stride, int dilation)
    {
        _recCount[into] = 0;
        _merged[into] = _merged[a] || _merged[b];
        var ra = _rec[a].AsSpan(0, _recCount[a]);
        var rb = _rec[b].AsSpan(0, _recCount[b]);
        foreach (var x in ra)
            foreach (var y in rb)
            {
                var r = new Rec
                {
                    W = x.W * y.W, K1 = x.K1, K2 = y.K1, Zero = x.Zero && y.Zero,
                    OLo = x.OLo * stride + y.OLo * dilation, OLen = Window(x.OLen, y.OLen, stride, dilation),
                    NLo = x.NLo * stride + y.NLo * dilation, NLen = Window(x.NLen, y.NLen, stride, dilation),
                };
                if (r.OLen > 0 || r.NLen > 0) Add(into, r);
            }
    }

    // A joint component of inputs (flattened axes): one record per choice of every carrier, holding the ids of its old and
    // new word sets, their sizes and the words they share.
    private void JoinSets(int into, FlatInputs flat, FlatInputs.Component component)
    {
        _recCount[into] = 0;
        var carriers = component.Carriers;
        int n = carriers.Length;
        _merged[into] = false;
        foreach (var c in carriers) _merged[into] |= _merged[c];
        _keyIds.Clear();
        Span<int> pick = stackalloc int[FlatInputs.MaxCarriers];
        Span<long> oLo = stackalloc long[FlatInputs.MaxCarriers], oLen = stackalloc long[FlatInputs.MaxCarriers];
        Span<long> nLo = stackalloc long[FlatInputs.MaxCarriers], nLen = stackalloc long[FlatInputs.MaxCarriers];
        for (int i = 0; i < n; i++) if (_recCount[carriers[i]] == 0) return;
        while (true)
        {
            var r = new Rec { W = 1, Zero = true };
            long k0 = 0, k1 = 0, k2 = 0;
            for (int i = 0; i < n; i++)
            {
                ref var x = ref _rec[carriers[i]][pick[i]];
                r.W *= x.W;
                r.Zero &= x.Zero;
                oLo[i] = x.OLo; oLen[i] = x.OLen; nLo[i] = x.NLo; nLen[i] = x.NLen;
                if (i == 0) k0 = x.K1; else if (i == 1) k1 = x.K1; else k2 = x.K1;
            }
            int oldId = SetId(flat, component, oLo[..n], oLen[..n]), newId = SetId(flat, component, nLo[..n], nLen[..n]);
            if (oldId > 0 || newId > 0)
            {
                if (!_keyIds.TryGetValue((k0, k1, k2), out long key)) _keyIds[(k0, k1, k2)] = key = _keyIds.Count;
                r.K1 = key;
                r.OLo = oldId; r.OLen = _sets[oldId].Size;
                r.NLo = newId; r.NLen = _sets[newId].Size;
                r.Ov = SharedWords(oldId, newId);
                Add(into, r);
            }
            int j = n - 1;
            for (; j >= 0; j--)
            {
                if (++pick[j] < _recCount[carriers[j]]) break;
                pick[j] = 0;
            }
            if (j < 0) return;
        }
    }

    // Word sets of joint components by id (id 0: the empty set), memoized per carrier ranges; they depend on the layer and
    // the groups only, and are dropped when Prepare sees groups again.
    private readonly List<BoxSet> _sets = [BoxSet.Empty(FlatInputs.TileRank)];
    private readonly Dictionary<BoxSet, int> _setIds = [];
    private readonly Dictionary<(FlatInputs.Component, long, long, long, long, long, long), int> _setOf = [];
    private readonly Dictionary<(int, int), long> _shared = [];
    private readonly Dictionary<(long, long, long), long> _keyIds = [];

    private void ClearSets()
    {
        _sets.RemoveRange(1, _sets.Count - 1);
        _setIds.Clear();
        _setOf.Clear();
        _shared.Clear();
    }

    private int SetId(FlatInputs flat, FlatInputs.Component component, ReadOnlySpan<long> lo, ReadOnlySpan<long> len)
    {
        foreach (var l in len) if (l <= 0) return 0;
        var key = (component, lo[0], len[0], lo.Length > 1 ? lo[1] : 0, len.Length > 1 ? len[1] : 0,
            lo.Length > 2 ? lo[2] : 0, len.Length > 2 ? len[2] : 0);
        if (_setOf.TryGetValue(key, out int id)) return id;
        var set = flat.Set(component, lo, len);
        if (!_setIds.TryGetValue(set, out id))
        {
            id = _sets.Count;
            _sets.Add(set);
            _setIds[set] = id;
        }
        _setOf[key] = id;
        return id;
    }

    private long SharedWords(int a, int b)
    {
        if (a == 0 || b == 0) return 0;
        if (a == b) return _sets[a].Size;
        if (!_shared.TryGetValue((a, b), out long words)) _shared[(a, b)] = words = _sets[a].Overlap(_sets[b]);
        return words;
    }

    private static long Window(long p, long r, int stride, int dilation) =>
        p > 0 && r > 0 ? TileMath.InputExtent(p, r, stride, dilation) : 0;

    private void Add(int buffer, in Rec r)
    {
        if (_recCount[buffer] == _rec[buffer].Length) Array.Resize(ref _rec[buffer], 2 * _rec[buffer].Length);
        _rec[buffer][_recCount[buffer]++] = r;
    }

    // Descends the dim's digits above the child, outermost first. s holds the instance's interval before (O) and after
    // (N) the transition; lock0/lockN are the intervals of the lock-step instance (spatial indices 0), which decide
    // how many iterations a temporal loop runs. Digits outside the boundary loop are enumerated (same for O and N), the
    // boundary loop advances, digits inside it are at their last iteration (O) and first (N).
    private void Walk(int d, int child, int k, Rec s, long lockO, long lockN, bool underSpatial)
    {
        if (k == _digits[d] || _digitLevel[d][k] >= child)
        {
            if (_mode is First or Positions) s.OLen = 0;
            if (_mode == Last) s.NLen = 0;
            if (s.OLen > 0 || s.NLen > 0) Add(d, s);
            return;
        }
        long inner = _digitInner[d][k];
        int f = _digitFactor[d][k];
        if (_digitSpatial[d][k])
        {
            bool merged = _digitLevel[d][k] >= _mergeFrom && _digitLevel[d][k] < _mergeTo
                && (_mergeAll || (_arch.Levels[_digitLevel[d][k]].Fanout?.Network.SharesAcross(_tensor, _digitOnY[d][k], (Dim)d, IsJoint(d)) ?? false));
            for (int i = 0; i < f; i++)
            {
                var t = s;
                Sub(ref t.OLo, ref t.OLen, i, inner);
                Sub(ref t.NLo, ref t.NLen, i, inner);
                if (t.OLen == 0 && t.NLen == 0) continue;
                if (!merged) t.K1 = t.K1 * f + i;
                else _merged[d] = true;
                Walk(d, child, k + 1, t, Math.Min(lockO, inner), Math.Min(lockN, inner), true);
            }
            return;
        }
        long pos = _digitPos[d][k];
        if (pos < _boundary)
        {
            // Enumerated: lock step decides the iterations; old and new are the same here.
            long trips = (lockN + inner - 1) / inner;
            if (!underSpatial && !_enumerate[d])
            {
                Branch(d, child, k, s, lockN, inner, 0, 1, 0, 3, keepZero: true, underSpatial);
                if (trips >= 3) Branch(d, child, k, s, lockN, inner, 1, trips - 2, 1, 3, keepZero: false, underSpatial);
                if (trips >= 2) Branch(d, child, k, s, lockN, inner, trips - 1, 1, 2, 3, keepZero: false, underSpatial);
            }
            else
                for (long i = 0; i < trips; i++) Branch(d, child, k, s, lockN, inner, i, 1, i, f, keepZero: i == 0, underSpatial);
            return;
        }
        if (pos == _boundary)
        {
            // The advancing loop: iteration i ends (the instance's last inner tile) and i + 1 begins.
            long trips = (lockN + inner - 1) / inner;
            if (!underSpatial && !_enumerate[d])
            {
                if (trips >= 3) Advance(d, child, k, s, lockN, inner, 0, trips - 2, 0, 2, underSpatial);
                if (trips >= 2) Advance(d, child, k, s, lockN, inner, trips - 2, 1, 1, 2, underSpatial);
            }
            else
                for (long i = 0; i + 1 < trips; i++) Advance(d, child, k, s, lockN, inner, i, 1, i, f, underSpatial);
            return;
        }
        // Inside the advancing loop: before it, the last iteration that the lock step ran; after it, the first.
        long lastTrip = lockO > 0 ? (lockO + inner - 1) / inner - 1 : 0;
        var u = s;
        Sub(ref u.OLo, ref u.OLen, lastTrip, inner);
        Sub(ref u.NLo, ref u.NLen, 0, inner);
        long lo = Math.Clamp(lockO - lastTrip * inner, 0, inner);
        Walk(d, child, k + 1, u, lo, Math.Min(lockN, inner), underSpatial);
    }

    // Takes iteration `index` (weight `count`) of a temporal loop outside the advancing one, for old and new alike.
    private void Branch(int d, int child, int k, Rec s, long lockN, long inner, long index, long count, long choice, long radix, bool keepZero, bool underSpatial)
    {
        var t = s;
        t.W *= count;
        t.K1 = t.K1 * radix + choice;
        t.Zero = s.Zero && keepZero;
        Sub(ref t.OLo, ref t.OLen, index, inner);
        Sub(ref t.NLo, ref t.NLen, index, inner);
        long lk = Math.Clamp(lockN - index * inner, 0, inner);
        Walk(d, child, k + 1, t, lk, lk, underSpatial);
    }

    // The advancing loop moves from iteration `index` to `index + 1` (weight `count`).
    private void Advance(int d, int child, int k, Rec s, long lockN, long inner, long index, long count, long choice, long radix, bool underSpatial)
    {
        var t = s;
        t.W *= count;
        t.K1 = t.K1 * radix + choice;
        t.Zero = false;
        Sub(ref t.OLo, ref t.OLen, index, inner);
        Sub(ref t.NLo, ref t.NLen, index + 1, inner);
        Walk(d, child, k + 1, t, Math.Clamp(lockN - index * inner, 0, inner), Math.Clamp(lockN - (index + 1) * inner, 0, inner), underSpatial);
    }

    // Sub-interval `index` of width `inner` of an interval [lo, lo + len), clipped (empty past its end).
    private static void Sub(ref long lo, ref long len, long index, long inner)
    {
        lo += index * inner;
        len = Math.Clamp(len - index * inner, 0, inner);
    }

    // ---- Sums over the choices -------------------------------------------------------------------------------------

    private enum Agg
    {
        MemberNew, MemberOverlap, MemberOld, MemberOldKept,
        GroupNew, GroupOverlap, GroupNewKept, GroupNewZero, GroupNewKeptZero,
        GroupOld, GroupOldKept,
    }

    private const int AggCount = 11;
    private readonly long[] _sums = new long[Buffers * AggCount];
    private readonly bool[] _summed = new bool[Buffers];
    private readonly bool[] _merged = new bool[Buffers]; // some records share a group (multicast or reduction)

    // Π over the tensor's super-dims of one per-dim sum.
    private long Product(Agg agg)
    {
        long product = 1;
        for (int s = 0; s < _superCount && product != 0; s++)
        {
            int b = _super[s];
            if (!_summed[b]) Aggregate(b);
            product = checked(product * _sums[b * AggCount + (int)agg]);
        }
        return product;
    }

    // Every sum of one buffer at once: members in one pass; groups by sorting once by the new and once by the old interval
    // (without a shared group every record is its own, so the group sums are per-record sums).
    private void Aggregate(int buffer)
    {
        var r = _rec[buffer].AsSpan(0, _recCount[buffer]);
        var sums = _sums.AsSpan(buffer * AggCount, AggCount);
        sums.Clear();
        bool joint = buffer >= JointBuffer;
        foreach (var x in r)
        {
            bool kept = Kept(x);
            long overlap = joint ? x.Ov : Overlap(x.OLo, x.OLen, x.NLo, x.NLen);
            sums[(int)Agg.MemberNew] += x.W * x.NLen;
            sums[(int)Agg.MemberOverlap] += x.W * overlap;
            sums[(int)Agg.MemberOld] += x.W * x.OLen;
            if (kept) sums[(int)Agg.MemberOldKept] += x.W * x.OLen;
            if (_merged[buffer]) continue;
            sums[(int)Agg.GroupNew] += x.W * x.NLen;
            sums[(int)Agg.GroupOverlap] += x.W * overlap;
            if (kept) sums[(int)Agg.GroupNewKept] += x.W * x.NLen;
            if (x.Zero) sums[(int)Agg.GroupNewZero] += x.W * x.NLen;
            if (kept && x.Zero) sums[(int)Agg.GroupNewKeptZero] += x.W * x.NLen;
            sums[(int)Agg.GroupOld] += x.W * x.OLen;
            if (kept) sums[(int)Agg.GroupOldKept] += x.W * x.OLen;
        }
        _summed[buffer] = true;
        if (!_merged[buffer]) return;

        r.Sort(static (a, b) => CompareOld(a, b));
        for (int i = 0; i < r.Length;)
        {
            int j = i;
            bool allKept = true;
            for (; j < r.Length && CompareOld(r[i], r[j]) == 0; j++) allKept &= Kept(r[j]);
            if (r[i].OLen > 0)
            {
                sums[(int)Agg.GroupOld] += r[i].W * r[i].OLen;
                if (allKept) sums[(int)Agg.GroupOldKept] += r[i].W * r[i].OLen;
            }
            i = j;
        }
        r.Sort(static (a, b) => CompareNew(a, b));
        for (int i = 0; i < r.Length;)
        {
            int j = i;
            bool anyKept = false;
            long lo = long.MinValue, hi = long.MaxValue; // intersection of the members' old intervals
            BoxSet? held = null;                        // joint buffers: intersection of the members' old sets
            for (; j < r.Length && CompareNew(r[i], r[j]) == 0; j++)
            {
                anyKept |= Kept(r[j]);
                if (r[j].OLen == 0) { lo = 0; hi = 0; held = _sets[0]; }
                else if (joint) held = held is null ? _sets[(int)r[j].OLo] : held.Intersect(_sets[(int)r[j].OLo]);
                else { lo = Math.Max(lo, r[j].OLo); hi = Math.Min(hi, r[j].OLo + r[j].OLen); }
            }
            var x = r[i];
            if (x.NLen > 0)
            {
                long words = x.W * x.NLen;
                sums[(int)Agg.GroupNew] += words;
                long shared = joint ? held!.Overlap(_sets[(int)x.NLo]) : Overlap(lo, Math.Max(0, hi - lo), x.NLo, x.NLen);
                sums[(int)Agg.GroupOverlap] += x.W * shared;
                if (anyKept) sums[(int)Agg.GroupNewKept] += words;
                if (x.Zero) sums[(int)Agg.GroupNewZero] += words;
                if (anyKept && x.Zero) sums[(int)Agg.GroupNewKeptZero] += words;
            }
            i = j;
        }
    }

    private static bool Kept(in Rec x) => x.OLen > 0 && x.OLen == x.NLen && x.OLo == x.NLo;

    private static long Overlap(long aLo, long aLen, long bLo, long bLen) =>
        Math.Max(0, Math.Min(aLo + aLen, bLo + bLen) - Math.Max(aLo, bLo));

    // Groups: same choices that keep instances apart, then the same interval after (new) or before (old) the transition.
    private static int CompareNew(in Rec a, in Rec b) => Compare(a, b, a.NLo, a.NLen, b.NLo, b.NLen);

    private static int CompareOld(in Rec a, in Rec b) => Compare(a, b, a.OLo, a.OLen, b.OLo, b.OLen);

    private static int Compare(in Rec a, in Rec b, long aLo, long aLen, long bLo, long bLen)
    {
        int c = a.K1.CompareTo(b.K1);
        if (c == 0) c = a.K2.CompareTo(b.K2);
        if (c == 0) c = aLo.CompareTo(bLo);
        if (c == 0) c = aLen.CompareTo(bLen);
        return c;
    }
}
