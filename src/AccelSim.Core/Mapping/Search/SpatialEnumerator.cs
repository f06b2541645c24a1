using AccelSim.Architecture;
using AccelSim.Architecture.Constraints;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Mapping.Search;

/// <summary>
/// Enumerates the spatial unrollings the resolved constraints allow: on each axis of each fan-out, up to the axis'
/// maximum number of dims (2 by default) among those it allows, with factors that divide what is left of their bounds (or,
/// with imperfect factors, <see cref="SpatialFactors.Imperfect"/>) and fit the axis, fixed factors as given. Reduction dims
/// (C, R, S) only on an axis along which the network reduces; dims an axis wants whole (row stationary's filter rows down
/// Y) are unrolled whole when they fit.
/// </summary>
internal static class SpatialEnumerator
{
    private const int DefaultMaxDimsPerAxis = 2;

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
        // Best-utilized first (units doing work on average: an imperfect fold's idle units do not count); ties keep
        // generation order (deterministic).
        return results.Select((c, i) => (c, i)).OrderByDescending(p => SpatialFactors.BusyUnits(problem, p.c)).ThenBy(p => p.i).Select(p => p.c).ToList();
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

    // All factor assignments of one axis (arrays indexed by dim), including "nothing unrolled" when nothing is fixed.
    private static List<int[]> AxisAssignments(AxisConstraints? axis, int size, int[] remaining, bool reduces, int[] bounds, bool imperfect)
    {
        var allowed = (axis?.Dims ?? Dims.All)
            .Where(d => reduces || d is not (Dim.C or Dim.R or Dim.S))
            .Where(d => remaining[(int)d] > 1)
            .ToList();
        var whole = (axis?.WholeIfFits ?? []).Where(d => remaining[(int)d] > 1 && remaining[(int)d] == bounds[(int)d] && bounds[(int)d] <= size && allowed.Contains(d)).ToList();
        var list = new List<int[]>();
        var current = LevelMapping.Ones();
        Choose(allowed, 0, 0, 1, size, axis?.MaxDims ?? DefaultMaxDimsPerAxis, remaining, current, list, imperfect);
        var fixedFactors = axis?.Factors ?? new Dictionary<Dim, int>();
        // Keep assignments that unroll the whole-on-axis dims entirely and give every fixed factor its value.
        return list.Where(a => whole.All(d => a[(int)d] == remaining[(int)d])
            && fixedFactors.All(f => a[(int)f.Key] == (f.Value == 0 ? remaining[(int)f.Key] : f.Value))).ToList();
    }

    private static void Choose(List<Dim> allowed, int start, int used, long product, int size, int maxDims, int[] remaining, int[] current, List<int[]> output, bool imperfect)
    {
        output.Add((int[])current.Clone());
        if (used == maxDims) return;
        for (int k = start; k < allowed.Count; k++)
        {
            int d = (int)allowed[k];
            foreach (int f in imperfect ? SpatialFactors.Imperfect(remaining[d]) : Divisors.Of(remaining[d]))
            {
                if (f == 1) continue;
                if (product * f > size) break;
                current[d] = f;
                Choose(allowed, k + 1, used + 1, product * f, size, maxDims, remaining, current, output, imperfect);
                current[d] = 1;
            }
        }
    }
}
