using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Model;

/// <summary>
/// The input tile of a mapping with flattened axes (docs/model.md, "Flattened axes"). Inputs index P with R (rows) and
/// Q with S (columns) through the sliding window, so a flattened group couples those dims: the dims joined by groups and
/// by the window pairs form components, and a component holding a group is a joint super-dim of the input tile. Its
/// carriers are the groups' joint dims (their flat ranges) and the component's other dims (intervals); its words are
/// the union over the groups' boxes (<see cref="FlattenGroup.Boxes"/>) of each box's window, as a <see cref="BoxSet"/>
/// over the input coordinates (N, G, C, row, column). The rest of the input tile is a product of per-dim extents as
/// without flattening.
/// </summary>
internal sealed class FlatInputs
{
    /// <summary>Most carriers of one component (three: e.g. P*Q with R and S, or C*R*S with P and Q).</summary>
    public const int MaxCarriers = 3;

    private readonly ProblemShape _p;
    private readonly IReadOnlyList<FlattenGroup> _groups;
    private readonly List<(long[] Lo, long[] Len)> _scratch = [];

    /// <summary>One joint super-dim: its carrier dims (a group's first member stands for its joint dim) and all its dims.</summary>
    public sealed record Component(int[] Carriers, Dim[] Dims);

    public FlatInputs(ProblemShape problem, IReadOnlyList<FlattenGroup> groups)
    {
        _p = problem;
        _groups = groups;
        var comps = new List<Component>();
        var done = new HashSet<Dim>();
        foreach (var g in groups)
        {
            if (done.Contains(g.First)) continue;
            // Closure of the group under the window pairs (P-R, Q-S) and the other groups.
            var dims = new HashSet<Dim>(g.Members);
            bool grew = true;
            while (grew)
            {
                grew = false;
                foreach (var d in dims.ToArray())
                {
                    foreach (var partner in Partners(d)) grew |= dims.Add(partner);
                    if (groups.FirstOrDefault(x => x.Contains(d)) is { } other) foreach (var m in other.Members) grew |= dims.Add(m);
                }
            }
            done.UnionWith(dims);
            var carriers = dims.Where(d => groups.FirstOrDefault(x => x.Contains(d)) is not { } h || h.First == d).Select(d => (int)d).Order().ToArray();
            if (carriers.Length > MaxCarriers) throw new InvalidOperationException($"a flattened input component has {carriers.Length} carriers");
            comps.Add(new Component(carriers, [.. dims.Order()]));
        }
        Components = comps;
        foreach (var c in comps) foreach (var d in c.Dims) _inJoint |= 1 << (int)d;
    }

    private readonly int _inJoint;

    /// <summary>The joint components (empty without groups).</summary>
    public IReadOnlyList<Component> Components { get; }

    /// <summary>Whether <paramref name="dim"/> belongs to a joint component (it is not a factor of the input tile on its own).</summary>
    public bool InJoint(Dim dim) => (_inJoint & (1 << (int)dim)) != 0;

    private static IEnumerable<Dim> Partners(Dim d) => d switch
    {
        Dim.P => [Dim.R], Dim.R => [Dim.P], Dim.Q => [Dim.S], Dim.S => [Dim.Q], _ => [],
    };

    /// <summary>
    /// The input words of a component whose carriers take the ranges <paramref name="lo"/>/<paramref name="len"/> (in
    /// carrier order; a joint dim's range is flat, already clipped to its bound). Empty when a range is.
    /// </summary>
    public BoxSet Set(Component c, ReadOnlySpan<long> lo, ReadOnlySpan<long> len)
    {
        for (int i = 0; i < c.Carriers.Length; i++) if (len[i] <= 0) return BoxSet.Empty(TileRank);
        // Per carrier, its boxes of member intervals (one box for a plain dim); the component's boxes are their products.
        var options = new List<List<(long[] Lo, long[] Len)>>();
        for (int i = 0; i < c.Carriers.Length; i++)
        {
            var dim = (Dim)c.Carriers[i];
            var list = new List<(long[] Lo, long[] Len)>();
            if (_groups.FirstOrDefault(g => g.First == dim) is { } group)
            {
                _scratch.Clear();
                group.Boxes(_p, lo[i], len[i], _scratch);
                foreach (var (blo, blen) in _scratch)
                {
                    var l = new long[Dims.Count]; var e = new long[Dims.Count];
                    for (int k = 0; k < group.Members.Count; k++) { l[(int)group.Members[k]] = blo[k]; e[(int)group.Members[k]] = blen[k]; }
                    list.Add((l, e));
                }
            }
            else
            {
                var l = new long[Dims.Count]; var e = new long[Dims.Count];
                l[(int)dim] = lo[i]; e[(int)dim] = len[i];
                list.Add((l, e));
            }
            options.Add(list);
        }
        var boxes = new List<(long[] Lo, long[] Len)>();
        var pick = new int[options.Count];
        var dimLo = new long[Dims.Count]; var dimLen = new long[Dims.Count];
        while (true)
        {
            Array.Fill(dimLen, 1);
            Array.Clear(dimLo);
            for (int i = 0; i < options.Count; i++)
            {
                var (l, e) = options[i][pick[i]];
                for (int d = 0; d < Dims.Count; d++) if (e[d] > 0) { dimLo[d] = l[d]; dimLen[d] = e[d]; }
            }
            boxes.Add(InputBox(c, dimLo, dimLen));
            int k = options.Count - 1;
            for (; k >= 0; k--)
            {
                if (++pick[k] < options[k].Count) break;
                pick[k] = 0;
            }
            if (k < 0) break;
        }
        return BoxSet.Of(TileRank, boxes);
    }

    /// <summary>Rank of an input tile's box: N, G, C, row, column.</summary>
    public const int TileRank = 5;

    // The input box (N, G, C, row, column) of per-dim intervals; coordinates outside the component are [0, 1).
    private (long[] Lo, long[] Len) InputBox(Component c, long[] lo, long[] len)
    {
        var bl = new long[TileRank]; var be = new long[] { 1, 1, 1, 1, 1 };
        bool Has(Dim d) => Array.IndexOf(c.Dims, d) >= 0;
        if (Has(Dim.N)) { bl[0] = lo[(int)Dim.N]; be[0] = len[(int)Dim.N]; }
        if (Has(Dim.C)) { bl[2] = lo[(int)Dim.C]; be[2] = len[(int)Dim.C]; }
        if (Has(Dim.P))
        {
            bl[3] = lo[(int)Dim.P] * _p.StrideH + lo[(int)Dim.R] * _p.DilationH;
            be[3] = TileMath.InputExtent(len[(int)Dim.P], len[(int)Dim.R], _p.StrideH, _p.DilationH);
        }
        if (Has(Dim.Q))
        {
            bl[4] = lo[(int)Dim.Q] * _p.StrideW + lo[(int)Dim.S] * _p.DilationW;
            be[4] = TileMath.InputExtent(len[(int)Dim.Q], len[(int)Dim.S], _p.StrideW, _p.DilationW);
        }
        return (bl, be);
    }
}
