using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// A flattened axis (docs/model.md, "Flattened axes"): two or more distinct dims, most significant first, that the whole
/// nest iterates as one joint dim J with bound Π(member bounds) and flat index j = mixed-radix(member coordinates), e.g.
/// SCALE-Sim's output-stationary rows P·Q or its weight-stationary rows C·R·S (im2col). J's loops (temporal, spatial X
/// and Y) carry their factors on the group's <see cref="First"/> dim; every other member has factor 1 at every level.
/// A tile of J is a contiguous flat range, so its member coordinates are a few boxes (<see cref="Boxes"/>).
/// </summary>
public sealed class FlattenGroup : IEquatable<FlattenGroup>
{
    private readonly Dim[] _members;

    /// <summary>A group of <paramref name="members"/>, most significant first (checked by <see cref="FlattenRules"/>).</summary>
    public FlattenGroup(params Dim[] members)
    {
        _members = (Dim[])members.Clone();
    }

    /// <summary>The member dims, most significant first.</summary>
    public IReadOnlyList<Dim> Members => _members;

    /// <summary>The dim whose factors are J's.</summary>
    public Dim First => _members[0];

    /// <summary>"P*Q": the name of J in files and printouts.</summary>
    public string Name => string.Join("*", _members);

    /// <summary>Whether <paramref name="dim"/> is a member.</summary>
    public bool Contains(Dim dim) => Array.IndexOf(_members, dim) >= 0;

    /// <summary>J's bound: the product of the members' bounds.</summary>
    public long JointBound(ProblemShape problem)
    {
        long b = 1;
        foreach (var d in _members) b = checked(b * problem[d]);
        return b;
    }

    /// <summary>
    /// The bound the factors of <paramref name="dim"/> cover when <paramref name="groups"/> are flattened: its own bound
    /// outside every group, a group's joint bound on its first member, 1 on its other members (their loops are the joint
    /// dim's). The one statement of that rule (<see cref="LoopMapping.BoundOf"/>, the mapper's per-dim bounds).
    /// </summary>
    public static long BoundOf(ProblemShape problem, IReadOnlyList<FlattenGroup> groups, Dim dim)
    {
        foreach (var g in groups)
            if (g.Contains(dim)) return g.First == dim ? g.JointBound(problem) : 1;
        return problem[dim];
    }

    /// <summary>Writes the member coordinates of flat index <paramref name="flat"/> into <paramref name="coords"/> (indexed by Dim).</summary>
    public void Split(ProblemShape problem, long flat, Span<long> coords)
    {
        for (int i = _members.Length - 1; i >= 0; i--)
        {
            long radix = problem[_members[i]];
            coords[(int)_members[i]] = flat % radix;
            flat /= radix;
        }
    }

    /// <summary>
    /// The flat range [lo, lo + len) of J as boxes of member coordinates (each box: per member, in member order, a start
    /// and a length), appended to <paramref name="boxes"/>. The decomposition is canonical and maximal: a partial run of the
    /// least significant member before and after full blocks, full blocks merged, recursively, so at most 2k − 1 boxes for
    /// k members. A tile of J holds exactly these boxes; an input tile is the union of their windows.
    /// </summary>
    public void Boxes(ProblemShape problem, long lo, long len, List<(long[] Lo, long[] Len)> boxes)
    {
        if (len <= 0) return;
        var radix = new long[_members.Length];
        for (int i = 0; i < radix.Length; i++) radix[i] = problem[_members[i]];
        Decompose(radix, 0, lo, lo + len, new long[radix.Length], new long[radix.Length], boxes);
    }

    // [a, b) of the flat index over members i.. (the ones before i fixed by prefixLo/prefixLen).
    private static void Decompose(long[] radix, int i, long a, long b, long[] prefixLo, long[] prefixLen, List<(long[] Lo, long[] Len)> boxes)
    {
        if (a >= b) return;
        if (i == radix.Length - 1)
        {
            var lo = (long[])prefixLo.Clone(); var len = (long[])prefixLen.Clone();
            lo[i] = a; len[i] = b - a;
            boxes.Add((lo, len));
            return;
        }
        long block = 1;
        for (int k = i + 1; k < radix.Length; k++) block *= radix[k];
        long first = a / block, last = (b - 1) / block;
        if (first == last)
        {
            Fixed(radix, i, first, 1, a - first * block, b - first * block, prefixLo, prefixLen, boxes);
            return;
        }
        long fullFrom = first, fullTo = last + 1;
        if (a % block != 0) { Fixed(radix, i, first, 1, a % block, block, prefixLo, prefixLen, boxes); fullFrom = first + 1; }
        if (b % block != 0) fullTo = last;
        if (fullTo > fullFrom) Fixed(radix, i, fullFrom, fullTo - fullFrom, 0, block, prefixLo, prefixLen, boxes);
        if (b % block != 0) Fixed(radix, i, last, 1, 0, b % block, prefixLo, prefixLen, boxes);
    }

    // Member i takes [value, value + count); the rest of the members take the flat range [a, b) below it.
    private static void Fixed(long[] radix, int i, long value, long count, long a, long b, long[] prefixLo, long[] prefixLen, List<(long[] Lo, long[] Len)> boxes)
    {
        prefixLo[i] = value; prefixLen[i] = count;
        if (count > 1)
        {
            // Full blocks: every lower member takes its whole range.
            var lo = (long[])prefixLo.Clone(); var len = (long[])prefixLen.Clone();
            for (int k = i + 1; k < radix.Length; k++) { lo[k] = 0; len[k] = radix[k]; }
            boxes.Add((lo, len));
            return;
        }
        Decompose(radix, i + 1, a, b, prefixLo, prefixLen, boxes);
    }

    /// <inheritdoc/>
    public bool Equals(FlattenGroup? other) => other is not null && _members.AsSpan().SequenceEqual(other._members);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FlattenGroup);

    /// <inheritdoc/>
    public override int GetHashCode() => _members.Aggregate(17, (h, d) => h * 31 + (int)d);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
