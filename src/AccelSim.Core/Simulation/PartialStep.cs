using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// The simulator's data movement for an imperfectly factorized mapping (docs/simulator.md): instances no longer hold
/// translated copies of one box, since a tile reaching past a bound is cut there and an instance whose tile is cut away
/// entirely is idle. So at every step each instance's box is built from the walked loops' origin plus its spatial
/// offsets, clipped to the bounds, and compared with the box it holds. Operands: each instance fills what it lacks, a
/// multicast parent reads every word some child taking that tile lacks. Outputs: an instance whose box changes drains
/// the old one (the parent is updated once per distinct tile among siblings) and reloads the new one if its words were
/// resident before and no sibling kept it. The MAC level is counted per dim (MAC points are a product of per-dim choices).
/// Shares no code with the analytical model's <c>PartialTiles</c>.
/// <para>
/// Flattened axes: a group's joint dim is one dim here (on its first member, with the joint bound), so weight and output
/// boxes hold its flat range directly; an input tile is the union over the flat range's boxes
/// (<see cref="FlattenGroup.Boxes"/>) of each box's window, a <see cref="BoxSet"/>, and at the MAC the input points of
/// the dims that groups and windows join are counted together after splitting each flat index into member coordinates.
/// </para>
/// </summary>
internal sealed class PartialStep
{
    private readonly ProblemShape _p;
    private readonly Accelerator _arch;
    private readonly LoopMapping _m;
    private readonly NestLayout _n;
    private readonly int _levels;
    private readonly long[] _bound; // per dim; a flattened group's first member: the joint bound, its other members 1
    private readonly bool[] _joint = new bool[Dims.Count]; // first members of flattened groups
    // [level c][instance] per-dim offsets of the instance's tile, and the spatial digits (outer levels first).
    private readonly long[][][] _offset;
    private readonly int[][][] _digitsOf;
    private readonly List<(int Level, int Dim, int Factor, long Step, bool OnY)>[] _spatialAbove;
    private readonly long[][][] _resident = new long[Tensors.Count][][]; // [t][c] dim origins of the resident tiles

    public PartialStep(ProblemShape problem, Accelerator arch, LoopMapping mapping, NestLayout nest)
    {
        _p = problem; _arch = arch; _m = mapping; _n = nest;
        _levels = arch.Levels.Count;
        _bound = problem.Bounds().Select(b => (long)b).ToArray();
        foreach (var g in mapping.Flatten)
        {
            _joint[(int)g.First] = true;
            foreach (var d in g.Members) _bound[(int)d] = mapping.BoundOf(problem, d);
        }
        _offset = new long[_levels + 1][][];
        _digitsOf = new int[_levels + 1][][];
        _spatialAbove = new List<(int, int, int, long, bool)>[_levels + 1];
        for (int c = 0; c <= _levels; c++)
        {
            // Spatial digits above c, outermost first; Y outside X at each fan-out (as SiblingTiles).
            var digits = new List<(int Level, int Dim, int Factor, long Step, bool OnY)>();
            for (int k = 0; k < c; k++)
            {
                var lm = mapping.Levels[k];
                for (int d = 0; d < Dims.Count; d++)
                    if (lm.SpatialY[d] > 1) digits.Add((k, d, lm.SpatialY[d], nest.Extents[k + 1][d] * lm.SpatialX[d], true));
                for (int d = 0; d < Dims.Count; d++)
                    if (lm.SpatialX[d] > 1) digits.Add((k, d, lm.SpatialX[d], nest.Extents[k + 1][d], false));
            }
            _spatialAbove[c] = digits;
            long count = digits.Aggregate(1L, (a, x) => a * x.Factor);
            _offset[c] = new long[count][];
            _digitsOf[c] = new int[count][];
            for (long i = 0; i < count; i++)
            {
                var off = new long[Dims.Count];
                var values = new int[digits.Count];
                long rest = i;
                for (int j = digits.Count - 1; j >= 0; j--)
                {
                    values[j] = (int)(rest % digits[j].Factor);
                    rest /= digits[j].Factor;
                    off[digits[j].Dim] += values[j] * digits[j].Step;
                }
                _offset[c][i] = off;
                _digitsOf[c][i] = values;
            }
        }
        foreach (var t in Tensors.All) _resident[(int)t] = new long[_levels + 1][];
    }

    /// <summary>True when the mapping's factors cover some bound with more than it (this class is needed).</summary>
    public static bool Needed(ProblemShape problem, LoopMapping mapping) => mapping.IsFlattened || !FactorCoverage.IsPerfect(problem, mapping);

    /// <summary>True when no instance has work at this step: the first instance's tile at the innermost level lies past a bound.</summary>
    public bool PastABound(long[] innermostOrigin)
    {
        for (int d = 0; d < Dims.Count; d++) if (innermostOrigin[d] >= _bound[d]) return true;
        return false;
    }

    // ---- Boxes -------------------------------------------------------------------------------------------------------

    // A tile: one box, or (flattened inputs) a union of boxes held in Union, the other fields then zero.
    private readonly record struct Box(long L0, long L1, long L2, long L3, long L4, long E0, long E1, long E2, long E3, long E4, BoxSet? Union = null)
    {
        public long Volume => Union?.Size ?? E0 * E1 * E2 * E3 * E4;
        public bool Empty => Volume == 0;
        public static readonly Box None = default;
        public BoxSet AsSet() => Union ?? BoxSet.Of(5, [([L0, L1, L2, L3, L4], [E0, E1, E2, E3, E4])]);
    }

    // The box of one instance of level c (the MAC when c = L) for per-dim tile origins `origin` (null: nothing held).
    private Box BoxOf(TensorKind t, int c, long[]? origin, long instance)
    {
        if (origin is null) return Box.None;
        Span<long> lo = stackalloc long[Dims.Count], len = stackalloc long[Dims.Count];
        var off = _offset[c][instance];
        for (int d = 0; d < Dims.Count; d++)
        {
            lo[d] = origin[d] + off[d];
            len[d] = Math.Clamp(_bound[d] - lo[d], 0, _n.Extents[c][d]);
            if (len[d] == 0) return Box.None; // no MAC of this instance exists: it holds nothing
        }
        if (t == TensorKind.Inputs && _m.IsFlattened) return InputUnion(lo, len);
        return t switch
        {
            TensorKind.Weights => new Box(lo[1], lo[2], lo[3], lo[6], lo[7], len[1], len[2], len[3], len[6], len[7]),
            TensorKind.Outputs => new Box(lo[0], lo[1], lo[2], lo[4], lo[5], len[0], len[1], len[2], len[4], len[5]),
            _ => new Box(lo[0], lo[1], lo[3], lo[4] * _p.StrideH + lo[6] * _p.DilationH, lo[5] * _p.StrideW + lo[7] * _p.DilationW,
                len[0], len[1], len[3], TileMath.InputExtent(len[4], len[6], _p.StrideH, _p.DilationH),
                TileMath.InputExtent(len[5], len[7], _p.StrideW, _p.DilationW)),
        };
    }

    // The input tile of flattened axes: every combination of the groups' boxes of their flat ranges, with the other dims'
    // intervals, gives one input box (N, G, C, rows, columns); the tile is their union.
    private Box InputUnion(ReadOnlySpan<long> lo, ReadOnlySpan<long> len)
    {
        var choices = new List<List<(long[] Lo, long[] Len)>>();
        foreach (var g in _m.Flatten)
        {
            var boxes = new List<(long[] Lo, long[] Len)>();
            g.Boxes(_p, lo[(int)g.First], len[(int)g.First], boxes);
            choices.Add(boxes);
        }
        var result = new List<(long[] Lo, long[] Len)>();
        var pick = new int[choices.Count];
        var l = new long[Dims.Count]; var e = new long[Dims.Count];
        while (true)
        {
            lo.CopyTo(l); len.CopyTo(e);
            for (int k = 0; k < choices.Count; k++)
            {
                var members = _m.Flatten[k].Members;
                for (int m = 0; m < members.Count; m++) { l[(int)members[m]] = choices[k][pick[k]].Lo[m]; e[(int)members[m]] = choices[k][pick[k]].Len[m]; }
            }
            result.Add(([l[0], l[1], l[3], l[4] * _p.StrideH + l[6] * _p.DilationH, l[5] * _p.StrideW + l[7] * _p.DilationW],
                [e[0], e[1], e[3], TileMath.InputExtent(e[4], e[6], _p.StrideH, _p.DilationH), TileMath.InputExtent(e[5], e[7], _p.StrideW, _p.DilationW)]));
            int j = choices.Count - 1;
            for (; j >= 0; j--)
            {
                if (++pick[j] < choices[j].Count) break;
                pick[j] = 0;
            }
            if (j < 0) break;
        }
        var set = BoxSet.Of(5, result);
        return set.Size == 0 ? Box.None : new Box(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, set);
    }

    private static Box Intersect(Box a, Box b)
    {
        if (a.Empty || b.Empty) return Box.None;
        if (a.Union is not null || b.Union is not null)
        {
            var set = a.AsSet().Intersect(b.AsSet());
            return set.Size == 0 ? Box.None : new Box(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, set);
        }
        static (long, long) One(long al, long ae, long bl, long be)
        {
            long lo = Math.Max(al, bl), hi = Math.Min(al + ae, bl + be);
            return hi > lo ? (lo, hi - lo) : (lo, 0);
        }
        var (l0, e0) = One(a.L0, a.E0, b.L0, b.E0); var (l1, e1) = One(a.L1, a.E1, b.L1, b.E1);
        var (l2, e2) = One(a.L2, a.E2, b.L2, b.E2); var (l3, e3) = One(a.L3, a.E3, b.L3, b.E3);
        var (l4, e4) = One(a.L4, a.E4, b.L4, b.E4);
        return new Box(l0, l1, l2, l3, l4, e0, e1, e2, e3, e4);
    }

    private long Instances(int c) => _offset[c].Length;

    // Children of one parent instance form a contiguous block of instance indices (outer levels' digits are the high ones).
    private long ParentIndex(int p, int c, long instance) => instance / (Instances(c) / Instances(p));

    // Digits of fan-outs between p and c that cannot multicast the tensor keep their children apart.
    private long ApartKey(TensorKind t, int p, int c, long instance)
    {
        long key = 0;
        var digits = _spatialAbove[c];
        for (int j = 0; j < digits.Count; j++)
        {
            if (digits[j].Level < p) continue;
            bool multicast = t == TensorKind.Outputs || (_arch.Levels[digits[j].Level].Fanout?.Network.SharesAcross(t, digits[j].OnY, (Dim)digits[j].Dim, _joint[digits[j].Dim]) ?? false);
            if (!multicast) key = key * digits[j].Factor + _digitsOf[c][instance][j];
        }
        return key;
    }

    /// <summary>True when some instance of level c would hold a different tile of <paramref name="t"/> at these origins.</summary>
    public bool Changed(TensorKind t, int c, long[] origin)
    {
        var old = _resident[(int)t][c];
        if (old is null) return true;
        for (long i = 0; i < Instances(c); i++)
            if (BoxOf(t, c, old, i) != BoxOf(t, c, origin, i)) return true;
        return false;
    }

    // ---- Operands ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Moves an operand's new tiles into every instance of level c from p; returns the words of the busiest child and of
    /// the busiest parent instance (for the links' timing).
    /// </summary>
    public (long Child, long Parent) Fill(TensorKind t, int p, int c, long[] origin, AccessCounts counts, int net)
    {
        var old = _resident[(int)t][c];
        var groups = new Dictionary<(long Parent, long Apart, Box Tile), Box>();
        long fills = 0, busiest = 0;
        for (long i = 0; i < Instances(c); i++)
        {
            var now = BoxOf(t, c, origin, i);
            if (now.Empty) continue;
            var before = BoxOf(t, c, old, i);
            long missing = now.Volume - Intersect(now, before).Volume;
            fills += missing;
            busiest = Math.Max(busiest, missing);
            var key = (ParentIndex(p, c, i), ApartKey(t, p, c, i), now);
            // The group's read serves every word some member lacks: what all of them already hold is not sent.
            groups[key] = groups.TryGetValue(key, out var held) ? Intersect(held, before) : before;
        }
        var perParent = new Dictionary<long, long>();
        long reads = 0;
        foreach (var ((parent, _, tile), held) in groups)
        {
            long words = tile.Volume - Intersect(tile, held).Volume;
            reads += words;
            perParent[parent] = perParent.GetValueOrDefault(parent) + words;
        }
        counts.At(c, t).Fills += fills;
        counts.At(p, t).Reads += reads;
        if (net >= 0) counts.NetworkWords(net, t) += fills;
        _resident[(int)t][c] = (long[])origin.Clone();
        return (busiest, perParent.Count == 0 ? 0 : perParent.Values.Max());
    }

    // ---- Outputs -----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Drains the output tiles of level c that change at these origins (all of them when <paramref name="origin"/> is
    /// null: the end of the run) into p; returns the busiest child's and parent instance's words.
    /// </summary>
    public (long Child, long Parent) WriteBack(int p, int c, long[]? origin, AccessCounts counts, int net)
    {
        var old = _resident[(int)TensorKind.Outputs][c];
        var drained = new HashSet<(long Parent, Box Tile)>();
        long reads = 0, busiest = 0;
        for (long i = 0; i < Instances(c); i++)
        {
            var before = BoxOf(TensorKind.Outputs, c, old, i);
            if (before.Empty || before == BoxOf(TensorKind.Outputs, c, origin, i)) continue;
            reads += before.Volume;
            busiest = Math.Max(busiest, before.Volume);
            drained.Add((ParentIndex(p, c, i), before));
        }
        long updates = drained.Sum(x => x.Tile.Volume);
        counts.At(c, TensorKind.Outputs).Reads += reads;
        counts.At(p, TensorKind.Outputs).Updates += updates;
        if (net >= 0) counts.NetworkWords(net, TensorKind.Outputs) += reads;
        return (busiest, drained.GroupBy(x => x.Parent).Select(g => g.Sum(x => x.Tile.Volume)).DefaultIfEmpty(0).Max());
    }

    /// <summary>
    /// Takes the new output tiles of level c: a tile whose words were resident before (<paramref name="firstVisit"/>
    /// false) and that no sibling kept is reloaded into one child of its group. Returns the busiest child's words.
    /// </summary>
    public long Reload(int p, int c, long[] origin, bool firstVisit, AccessCounts counts, int net)
    {
        var old = _resident[(int)TensorKind.Outputs][c];
        _resident[(int)TensorKind.Outputs][c] = (long[])origin.Clone();
        if (old is null || firstVisit) return 0;
        var kept = new HashSet<(long, Box)>();
        var taken = new HashSet<(long Parent, Box Tile)>();
        for (long i = 0; i < Instances(c); i++)
        {
            var now = BoxOf(TensorKind.Outputs, c, origin, i);
            if (now.Empty) continue;
            var key = (ParentIndex(p, c, i), now);
            if (now == BoxOf(TensorKind.Outputs, c, old, i)) kept.Add(key);
            else taken.Add(key);
        }
        long words = 0, busiest = 0;
        foreach (var key in taken)
        {
            if (kept.Contains(key)) continue;
            words += key.Tile.Volume;
            busiest = Math.Max(busiest, key.Tile.Volume);
        }
        counts.At(p, TensorKind.Outputs).Reads += words;
        counts.At(c, TensorKind.Outputs).Fills += words;
        if (net >= 0) counts.NetworkWords(net, TensorKind.Outputs) += words;
        return busiest;
    }

    // ---- MAC level ---------------------------------------------------------------------------------------------------

    /// <summary>What one compute block does at the MAC, totals over all instances.</summary>
    public readonly record struct BlockCounts(long Cycles, long Macs, long WeightReads, long InputReads, long OutputReads, long OutputUpdates);

    /// <summary>
    /// Counts the MAC-level accesses of one compute block, the innermost level's tile starting at <paramref name="origin"/>
    /// (first instance): the innermost temporal loops run as long as the first instance has work; every MAC point that
    /// exists reads its operands (the parent once per distinct point among siblings that share a read) and updates its
    /// output, reloading it unless this is its first visit (<paramref name="walkedFirst"/>: no walked loop that does not
    /// index outputs has moved, and this block's own such loops are at 0).
    /// </summary>
    public BlockCounts Block(long[] origin, int pw, int pi, int po, bool walkedFirst)
    {
        var inner = _m.Levels[_levels - 1];
        long cycles = 1, macs = 1;
        Span<long> trips = stackalloc long[Dims.Count];
        for (int d = 0; d < Dims.Count; d++)
        {
            long lanes = (long)inner.SpatialX[d] * inner.SpatialY[d];
            long len0 = Math.Clamp(_bound[d] - origin[d], 0, _n.Extents[_levels - 1][d]);
            trips[d] = (len0 + lanes - 1) / lanes;
            cycles *= trips[d];
        }
        for (int d = 0; d < Dims.Count; d++) macs *= Points(d, origin, trips[d], -1, TensorKind.Weights).Members;
        long rw = Distinct(TensorKind.Weights, pw, origin, trips, zeroOnly: false);
        long ri = Distinct(TensorKind.Inputs, pi, origin, trips, zeroOnly: false);
        long wo = Distinct(TensorKind.Outputs, po, origin, trips, zeroOnly: false);
        long ro = wo - (walkedFirst ? Distinct(TensorKind.Outputs, po, origin, trips, zeroOnly: true) : 0);
        return new BlockCounts(cycles, macs, rw, ri, ro, wo);
    }

    // Distinct MAC points of a tensor among the instances that share a parent read (or a reduction), over the block:
    // a product over dims (rows and columns of inputs join P with R and Q with S).
    private long Distinct(TensorKind t, int parent, long[] origin, ReadOnlySpan<long> trips, bool zeroOnly)
    {
        if (t == TensorKind.Inputs && _m.IsFlattened) return DistinctFlatInputs(parent, origin, trips);
        long product = 1;
        for (int d = 0; d < Dims.Count; d++)
        {
            if (t == TensorKind.Inputs && d is (int)Dim.P or (int)Dim.Q or (int)Dim.R or (int)Dim.S) continue;
            bool relevant = Tensors.IsRelevant(t, (Dim)d);
            var pts = Points(d, origin, trips[d], parent, t);
            product *= pts.Points.Where(x => x.Coord >= 0 && (!zeroOnly || relevant || x.Time == 0))
                .Select(x => relevant ? (x.Key, x.Coord) : (x.Key, 0L)).Distinct().LongCount();
        }
        if (t == TensorKind.Inputs)
        {
            product *= Window(Points((int)Dim.P, origin, trips[(int)Dim.P], parent, t), Points((int)Dim.R, origin, trips[(int)Dim.R], parent, t), _p.StrideH, _p.DilationH);
            product *= Window(Points((int)Dim.Q, origin, trips[(int)Dim.Q], parent, t), Points((int)Dim.S, origin, trips[(int)Dim.S], parent, t), _p.StrideW, _p.DilationW);
        }
        return product;
    }

    // Inputs with flattened axes: the dims that groups and the window pairs join (P, Q, R, S, the groups' members) are
    // counted together: every combination of their points, flat indices split into member coordinates, gives one input
    // word (N, C, row, column) per key; the other dims multiply as usual.
    private long DistinctFlatInputs(int parent, long[] origin, ReadOnlySpan<long> trips)
    {
        var joined = new HashSet<Dim> { Dim.P, Dim.Q, Dim.R, Dim.S };
        foreach (var g in _m.Flatten) joined.UnionWith(g.Members);
        long product = 1;
        foreach (var d in Dims.All)
        {
            if (joined.Contains(d)) continue;
            var pts = Points((int)d, origin, trips[(int)d], parent, TensorKind.Inputs);
            product *= Tensors.IsRelevant(TensorKind.Inputs, d)
                ? pts.Points.Where(x => x.Coord >= 0).Select(x => (x.Key, x.Coord)).Distinct().LongCount()
                : pts.Points.Where(x => x.Coord >= 0).Select(x => x.Key).Distinct().LongCount();
        }
        // Carriers: a group's first member (its flat index) and the joined dims outside every group.
        var carriers = joined.Where(d => _m.GroupOf(d) is not { } g || g.First == d).Order().ToArray();
        var points = new List<(long Key, long Coord, long Time)>[carriers.Length];
        for (int i = 0; i < carriers.Length; i++)
            points[i] = Points((int)carriers[i], origin, trips[(int)carriers[i]], parent, TensorKind.Inputs).Points.Where(x => x.Coord >= 0).ToList();
        if (points.Any(p => p.Count == 0)) return 0;
        var seen = new HashSet<string>();
        var pick = new int[carriers.Length];
        Span<long> c = stackalloc long[Dims.Count];
        while (true)
        {
            var key = new System.Text.StringBuilder();
            for (int i = 0; i < carriers.Length; i++)
            {
                var x = points[i][pick[i]];
                key.Append(x.Key).Append(',');
                if (_m.GroupOf(carriers[i]) is { } g) g.Split(_p, x.Coord, c);
                else c[(int)carriers[i]] = x.Coord;
            }
            long n = joined.Contains(Dim.N) ? c[(int)Dim.N] : 0, ch = joined.Contains(Dim.C) ? c[(int)Dim.C] : 0;
            key.Append(n).Append(',').Append(ch).Append(',').Append(c[(int)Dim.P] * _p.StrideH + c[(int)Dim.R] * _p.DilationH)
                .Append(',').Append(c[(int)Dim.Q] * _p.StrideW + c[(int)Dim.S] * _p.DilationW);
            seen.Add(key.ToString());
            int j = carriers.Length - 1;
            for (; j >= 0; j--)
            {
                if (++pick[j] < points[j].Count) break;
                pick[j] = 0;
            }
            if (j < 0) break;
        }
        return checked(product * seen.Count);
    }

    private static long Window((List<(long Key, long Coord, long Time)> Points, long Members) a, (List<(long Key, long Coord, long Time)> Points, long Members) b, int stride, int dilation)
    {
        var seen = new HashSet<(long, long, long)>();
        foreach (var x in a.Points)
            foreach (var y in b.Points)
                if (x.Coord >= 0 && y.Coord >= 0) seen.Add((x.Key, y.Key, x.Coord * stride + y.Coord * dilation));
        return seen.Count;
    }

    // The MAC coordinates of one dim over the block's iterations of the innermost loop and every spatial digit of the
    // dim (−1 past the bound), each with the key of the choices that keep reads apart (time, and digits above the parent
    // or on fan-outs that cannot share the tensor; parent −1: everything apart), and how many exist.
    private (List<(long Key, long Coord, long Time)> Points, long Members) Points(int d, long[] origin, long trips, int parent, TensorKind t)
    {
        var digits = _spatialAbove[_levels].Where(x => x.Dim == d).ToList();
        long lanes = (long)_m.Levels[_levels - 1].SpatialX[d] * _m.Levels[_levels - 1].SpatialY[d];
        var points = new List<(long, long, long)>();
        long members = 0;
        long combos = digits.Aggregate(1L, (a, x) => a * x.Factor);
        for (long v = 0; v < trips; v++)
            for (long i = 0; i < combos; i++)
            {
                long coord = origin[d] + v * lanes, key = v, rest = i;
                for (int j = digits.Count - 1; j >= 0; j--)
                {
                    long value = rest % digits[j].Factor;
                    rest /= digits[j].Factor;
                    coord += value * digits[j].Step;
                    bool shared = parent >= 0 && digits[j].Level >= parent
                        && (t == TensorKind.Outputs || (_arch.Levels[digits[j].Level].Fanout?.Network.SharesAcross(t, digits[j].OnY, (Dim)d, _joint[d]) ?? false));
                    if (!shared) key = key * (digits[j].Factor + 1) + value + 1;
                    else key = key * (digits[j].Factor + 1);
                }
                bool exists = coord < _bound[d];
                if (exists) members++;
                points.Add((key, exists ? coord : -1, v));
            }
        return (points, members);
    }
}
