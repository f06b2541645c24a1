namespace AccelSim.Model;

/// <summary>
/// A finite set of integer points given as a union of axis-aligned boxes (tiles of flattened axes, docs/model.md), held
/// canonically: the breakpoints per axis where the set changes, and which cells of that grid it covers. Two equal sets
/// have equal representations whatever boxes built them, so equality, hashing, size and intersection are exact.
/// </summary>
internal sealed class BoxSet : IEquatable<BoxSet>
{
    private readonly long[][] _breaks; // per axis: sorted coordinates where the set may change
    private readonly bool[] _cells;    // row-major over the grid, last axis fastest
    private readonly int _hash;

    /// <summary>The empty set of a given rank.</summary>
    public static BoxSet Empty(int rank) => new(Enumerable.Range(0, rank).Select(_ => Array.Empty<long>()).ToArray(), []);

    private BoxSet(long[][] breaks, bool[] cells)
    {
        _breaks = breaks;
        _cells = cells;
        var h = new HashCode();
        foreach (var axis in breaks) { h.Add(axis.Length); foreach (var b in axis) h.Add(b); }
        foreach (var c in cells) h.Add(c);
        _hash = h.ToHashCode();
        Size = ComputeSize();
    }

    /// <summary>Number of axes.</summary>
    public int Rank => _breaks.Length;

    /// <summary>Number of points.</summary>
    public long Size { get; }

    /// <summary>The union of boxes (per axis a start and a length; empty boxes are ignored).</summary>
    public static BoxSet Of(int rank, IReadOnlyList<(long[] Lo, long[] Len)> boxes)
    {
        var live = boxes.Where(b => b.Len.All(l => l > 0)).ToList();
        if (live.Count == 0) return Empty(rank);
        var breaks = new long[rank][];
        for (int a = 0; a < rank; a++)
            breaks[a] = live.SelectMany(b => new[] { b.Lo[a], b.Lo[a] + b.Len[a] }).Distinct().Order().ToArray();
        var cells = new bool[CellCount(breaks)];
        var from = new int[rank]; var to = new int[rank];
        foreach (var (lo, len) in live)
        {
            for (int a = 0; a < rank; a++)
            {
                from[a] = Array.BinarySearch(breaks[a], lo[a]);
                to[a] = Array.BinarySearch(breaks[a], lo[a] + len[a]);
            }
            Mark(breaks, cells, from, to);
        }
        return Canonical(breaks, cells);
    }

    /// <summary>The points in both sets.</summary>
    public BoxSet Intersect(BoxSet other)
    {
        if (Size == 0 || other.Size == 0) return Empty(Rank);
        var breaks = new long[Rank][];
        for (int a = 0; a < Rank; a++) breaks[a] = _breaks[a].Concat(other._breaks[a]).Distinct().Order().ToArray();
        var cells = new bool[CellCount(breaks)];
        var index = new int[Rank];
        var probe = new long[Rank];
        for (int c = 0; c < cells.Length; c++)
        {
            Unflatten(breaks, c, index);
            for (int a = 0; a < Rank; a++) probe[a] = breaks[a][index[a]];
            cells[c] = Contains(probe) && other.Contains(probe);
        }
        return Canonical(breaks, cells);
    }

    /// <summary>Points shared with <paramref name="other"/>.</summary>
    public long Overlap(BoxSet other) => ReferenceEquals(this, other) ? Size : Intersect(other).Size;

    /// <summary>Whether the point is in the set.</summary>
    public bool Contains(ReadOnlySpan<long> point)
    {
        int c = 0;
        for (int a = 0; a < Rank; a++)
        {
            var axis = _breaks[a];
            if (axis.Length == 0) return false;
            int i = Array.BinarySearch(axis, point[a]);
            if (i < 0) i = ~i - 1;
            if (i < 0 || i >= axis.Length - 1) return false;
            c = c * (axis.Length - 1) + i;
        }
        return _cells[c];
    }

    private static int CellCount(long[][] breaks)
    {
        int n = 1;
        foreach (var axis in breaks) n = checked(n * Math.Max(0, axis.Length - 1));
        return n;
    }

    private static void Unflatten(long[][] breaks, int c, int[] index)
    {
        for (int a = breaks.Length - 1; a >= 0; a--)
        {
            int n = breaks[a].Length - 1;
            index[a] = c % n;
            c /= n;
        }
    }

    // Marks the cells [from, to) of every axis.
    private static void Mark(long[][] breaks, bool[] cells, int[] from, int[] to)
    {
        int rank = breaks.Length;
        var index = (int[])from.Clone();
        while (true)
        {
            int c = 0;
            for (int a = 0; a < rank; a++) c = c * (breaks[a].Length - 1) + index[a];
            cells[c] = true;
            int k = rank - 1;
            for (; k >= 0; k--)
            {
                if (++index[k] < to[k]) break;
                index[k] = from[k];
            }
            if (k < 0) return;
        }
    }

    // Drops every breakpoint across which the set does not change (the slices on both sides are equal, outside the grid
    // counting as empty): what is left depends only on the set.
    private static BoxSet Canonical(long[][] breaks, bool[] cells)
    {
        int rank = breaks.Length;
        if (!cells.Any(c => c)) return Empty(rank);
        for (int a = 0; a < rank; a++)
        {
            int n = breaks[a].Length - 1;
            var keep = new List<int>();
            for (int b = 0; b <= n; b++)
                if (!SlicesEqual(breaks, cells, a, b - 1, b)) keep.Add(b);
            if (keep.Count == n + 1) continue;
            var newBreaks = keep.Select(b => breaks[a][b]).ToArray();
            var old = breaks;
            var next = (long[][])breaks.Clone();
            next[a] = newBreaks;
            var newCells = new bool[CellCount(next)];
            var index = new int[rank];
            for (int c = 0; c < newCells.Length; c++)
            {
                Unflatten(next, c, index);
                // Cell k of the new axis starts at breakpoint keep[k] of the old one.
                int oc = 0;
                for (int x = 0; x < rank; x++) oc = oc * (old[x].Length - 1) + (x == a ? keep[index[x]] : index[x]);
                newCells[c] = cells[oc];
            }
            breaks = next;
            cells = newCells;
        }
        return new BoxSet(breaks, cells);
    }

    // Whether slice i and slice j of axis a cover the same cells (a slice outside the grid is empty).
    private static bool SlicesEqual(long[][] breaks, bool[] cells, int a, int i, int j)
    {
        int rank = breaks.Length, n = breaks[a].Length - 1;
        var dims = breaks.Select(x => Math.Max(0, x.Length - 1)).ToArray();
        int rest = 1;
        for (int x = 0; x < rank; x++) if (x != a) rest *= dims[x];
        var index = new int[rank];
        for (int r = 0; r < rest; r++)
        {
            int q = r;
            for (int x = rank - 1; x >= 0; x--)
            {
                if (x == a) continue;
                index[x] = q % dims[x];
                q /= dims[x];
            }
            bool vi = At(i), vj = At(j);
            if (vi != vj) return false;
        }
        return true;

        bool At(int s)
        {
            if (s < 0 || s >= n) return false;
            int c = 0;
            for (int x = 0; x < rank; x++) c = c * dims[x] + (x == a ? s : index[x]);
            return cells[c];
        }
    }

    private long ComputeSize()
    {
        long size = 0;
        var index = new int[Rank];
        for (int c = 0; c < _cells.Length; c++)
        {
            if (!_cells[c]) continue;
            Unflatten(_breaks, c, index);
            long v = 1;
            for (int a = 0; a < Rank; a++) v = checked(v * (_breaks[a][index[a] + 1] - _breaks[a][index[a]]));
            size = checked(size + v);
        }
        return size;
    }

    /// <inheritdoc/>
    public bool Equals(BoxSet? other)
    {
        if (other is null || other._hash != _hash || other.Rank != Rank || other._cells.Length != _cells.Length) return false;
        for (int a = 0; a < Rank; a++) if (!_breaks[a].AsSpan().SequenceEqual(other._breaks[a])) return false;
        return _cells.AsSpan().SequenceEqual(other._cells);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BoxSet);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;
}
