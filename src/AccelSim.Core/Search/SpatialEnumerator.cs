using AccelSim.Architecture;
using AccelSim.Architecture.Constraints;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// Enumerates the spatial unrollings the resolved constraints allow: on each axis of each fan-out, any number of the dims
/// it allows (at most its <c>max_dims</c> when the constraints give one; otherwise only the axis' size limits it), with
/// factors that divide what is left of their bounds (or, with imperfect factors, <see cref="SpatialFactors.Imperfect"/>)
/// and fit the axis, fixed factors as given. Reduction dims (C, R, S) only on an axis along which the network reduces;
/// dims an axis wants whole (row stationary's filter rows down Y) are unrolled whole when they fit. Each unrolling comes
/// out once (an axis has factors per dim, no order of dims), in a deterministic order.
/// </summary>
internal static class SpatialEnumerator
{
    public static List<SpatialCandidate> Enumerate(ProblemShape problem, Accelerator arch, ResolvedConstraints constraints, bool imperfect = false,
        IReadOnlyList<FlattenGroup>? flatten = null)
    {
        flatten ??= [];
        var bounds = FlattenedBounds.Of(problem, flatten);
        var results = new List<SpatialCandidate>();
        int levels = arch.Levels.Count;
        var x = new int[levels][];
        var y = new int[levels][];
        for (int i = 0; i < levels; i++) { x[i] = LevelMapping.Ones(); y[i] = LevelMapping.Ones(); }
        Recurse(bounds, arch, constraints, 0, (int[])bounds.Clone(), x, y, results, imperfect, flatten);
        // Best-utilized first (units doing work on average: an imperfect fold's idle units do not count). Among equally
        // utilized ones, those with more than two dims on an axis come after the rest, which keep their generation order:
        // the default search's first 16 then change only where more dims bring more units (its cap, not the space, would
        // otherwise trade an energy-optimal unrolling for an equally utilized one; docs/mapper.md). Deterministic.
        return results.Select((c, i) => (c, i)).OrderByDescending(p => SpatialFactors.BusyUnits(problem, p.c))
            .ThenBy(p => Math.Max(2, p.c.MostDimsOnAnAxis)).ThenBy(p => p.i).Select(p => p.c).ToList();
    }

    /// <summary>True when every spatial factor of the candidate divides what is left of its dim's bound.</summary>
    public static bool IsPerfect(ProblemShape problem, SpatialCandidate candidate) =>
        SpatialFactors.BusyUnits(problem, candidate) == candidate.Units;

    private static void Recurse(int[] bounds, Accelerator arch, ResolvedConstraints constraints, int level, int[] remaining,
        int[][] x, int[][] y, List<SpatialCandidate> results, bool imperfect, IReadOnlyList<FlattenGroup> flatten)
    {
        if (level == arch.Levels.Count)
        {
            long units = 1;
            for (int i = 0; i < x.Length; i++)
                for (int d = 0; d < Dims.Count; d++) units *= (long)x[i][d] * y[i][d];
            results.Add(new SpatialCandidate(x.Select(a => (int[])a.Clone()).ToArray(), y.Select(a => (int[])a.Clone()).ToArray(), units) { Flatten = flatten });
            return;
        }
        var fanout = arch.Levels[level].Fanout;
        if (fanout is null || fanout.Size == 1)
        {
            Recurse(bounds, arch, constraints, level + 1, remaining, x, y, results, imperfect, flatten);
            return;
        }
        var c = constraints.Levels[level];
        foreach (var yAssign in AxisAssignments(c.Y, fanout.Y, remaining, fanout.Network.Reduces(true), bounds, imperfect))
        {
            var afterY = (int[])remaining.Clone();
            for (int d = 0; d < Dims.Count; d++) afterY[d] = SpatialFactors.Left(afterY[d], yAssign[d]);
            foreach (var xAssign in AxisAssignments(c.X, fanout.X, afterY, fanout.Network.Reduces(false), bounds, imperfect))
            {
                var afterX = (int[])afterY.Clone();
                for (int d = 0; d < Dims.Count; d++) afterX[d] = SpatialFactors.Left(afterX[d], xAssign[d]);
                Array.Copy(yAssign, y[level], Dims.Count);
                Array.Copy(xAssign, x[level], Dims.Count);
                Recurse(bounds, arch, constraints, level + 1, afterX, x, y, results, imperfect, flatten);
            }
        }
        x[level] = LevelMapping.Ones();
        y[level] = LevelMapping.Ones();
    }

    // All factor assignments of one axis (arrays indexed by dim), including "nothing unrolled" when nothing is forced.
    // Dims are chosen in allowed-list order, one factor each, so every assignment (a factor per dim: the mapping has no
    // order of dims along an axis) comes out once, in a deterministic depth-first order. Whole-on-axis dims and fixed
    // factors are forced while choosing rather than filtered afterwards, so the walk never builds what it would drop.
    private static List<int[]> AxisAssignments(AxisConstraints? axis, int size, int[] remaining, bool reduces, int[] bounds, bool imperfect)
    {
        var allowed = (axis?.Dims ?? Dims.All)
            .Where(d => reduces || d is not (Dim.C or Dim.R or Dim.S))
            .Where(d => remaining[(int)d] > 1)
            .ToList();
        // forced[d]: the factor d must take (0: free). Whole dims take what is left; a fixed 0 means the same.
        var forced = new int[Dims.Count];
        foreach (var d in axis?.WholeIfFits ?? [])
            if (remaining[(int)d] > 1 && remaining[(int)d] == bounds[(int)d] && bounds[(int)d] <= size && allowed.Contains(d)) forced[(int)d] = remaining[(int)d];
        foreach (var (d, value) in axis?.Factors ?? new Dictionary<Dim, int>())
        {
            int f = value == 0 ? remaining[(int)d] : value;
            if (forced[(int)d] != 0 && forced[(int)d] != f) return [];
            forced[(int)d] = f;
        }
        // A dim forced to 1 is simply not chosen; one forced above 1 that the axis cannot unroll leaves no assignment.
        allowed.RemoveAll(d => forced[(int)d] == 1);
        if (Dims.All.Any(d => forced[(int)d] > 1 && !allowed.Contains(d))) return [];
        var list = new List<int[]>();
        var walk = new AxisWalk(allowed, forced, size, axis?.MaxDims ?? int.MaxValue, remaining, imperfect, list);
        walk.Choose(0, 0, 1, forced.Count(f => f > 1), LevelMapping.Ones());
        return list;
    }

    // The depth-first choice of one axis' dims and factors. No default limit on the number of dims: the axis' size (every
    // factor is at least 2) and its allowed dims bound it, max_dims when the constraints give one.
    private sealed record AxisWalk(List<Dim> Allowed, int[] Forced, int Size, int MaxDims, int[] Remaining, bool Imperfect, List<int[]> Output)
    {
        public void Choose(int start, int used, long product, int forcedLeft, int[] current)
        {
            if (forcedLeft == 0) Output.Add((int[])current.Clone());
            if (used + forcedLeft > MaxDims || used == MaxDims) return;
            for (int k = start; k < Allowed.Count; k++)
            {
                int d = (int)Allowed[k];
                int need = Forced[d];
                foreach (int f in Imperfect ? SpatialFactors.Imperfect(Remaining[d]) : Divisors.Of(Remaining[d]))
                {
                    if (f == 1 || (need > 1 && f != need)) continue;
                    if (product * f > Size) break;
                    current[d] = f;
                    Choose(k + 1, used + 1, product * f, need > 1 ? forcedLeft - 1 : forcedLeft, current);
                    current[d] = 1;
                }
                // Dims are taken in list order: passing a forced dim by would leave it unset for good.
                if (need > 1) break;
            }
        }
    }
}
