using AccelSim.Architecture;
using AccelSim.Architecture.Constraints;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// The flattened spatial unrollings the mapper tries under <c>--imperfect</c> (docs/mapper.md, "Flattened unrollings"):
/// on an axis whose constraints say <c>flatten: true</c>, a group of the dims it allows, all within N, P, Q or all within
/// C, R, S (the groups the model counts exactly: docs/model.md, "Flattened axes"), unrolled as one joint dim with
/// imperfect factors (per fold count k only ⌈joint bound ÷ k⌉, as for any imperfect spatial factor), the rest of the
/// unrolling enumerated as usual. Groups take their members in the problem's dim order (SCALE-Sim's P·Q, C·R·S); one
/// group per unrolling; the joint dim is unrolled on that axis only.
/// </summary>
internal static class FlattenedUnrollings
{
    private static readonly Dim[][] Families = [[Dim.N, Dim.P, Dim.Q], [Dim.C, Dim.R, Dim.S]];

    /// <summary>Every flattened unrolling the constraints opt into, best-utilized first.</summary>
    public static List<SpatialCandidate> Enumerate(ProblemShape problem, Accelerator arch, ResolvedConstraints constraints)
    {
        var results = new List<SpatialCandidate>();
        for (int level = 0; level < arch.Levels.Count; level++)
        {
            var fanout = arch.Levels[level].Fanout;
            if (fanout is null || fanout.Size == 1) continue;
            var c = constraints.Levels[level];
            foreach (bool isY in new[] { true, false })
            {
                var axis = isY ? c.Y : c.X;
                if (axis?.Flatten != true) continue;
                foreach (var group in Groups(problem, axis, fanout.Network.Reduces(isY)))
                {
                    int lvl = level;
                    results.AddRange(SpatialEnumerator.Enumerate(problem, arch, constraints, imperfect: true, flatten: [group])
                        .Where(s => OnlyOn(s, group.First, lvl, isY)));
                }
            }
        }
        return results.Select((s, i) => (s, i)).OrderByDescending(p => SpatialFactors.BusyUnits(problem, p.s)).ThenBy(p => p.i).Select(p => p.s).ToList();
    }

    /// <summary>The groups an axis may flatten: every subset of two or more of its allowed dims within one family.</summary>
    public static IEnumerable<FlattenGroup> Groups(ProblemShape problem, AxisConstraints axis, bool reduces)
    {
        foreach (var family in Families)
        {
            var allowed = family.Where(d => axis.Allows(d) && problem[d] > 1 && !axis.Factors.ContainsKey(d)
                && (reduces || d is not (Dim.C or Dim.R or Dim.S))).ToArray();
            for (int mask = 1; mask < 1 << allowed.Length; mask++)
            {
                var members = allowed.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
                if (members.Length >= 2) yield return new FlattenGroup(members);
            }
        }
    }

    // The joint dim is unrolled on the opted-in axis and nowhere else (other axes did not say flatten).
    private static bool OnlyOn(SpatialCandidate s, Dim first, int level, bool isY)
    {
        int d = (int)first;
        for (int i = 0; i < s.X.Length; i++)
        {
            bool hereY = i == level && isY, hereX = i == level && !isY;
            if (hereY ? s.Y[i][d] <= 1 : s.Y[i][d] != 1) return false;
            if (hereX ? s.X[i][d] <= 1 : s.X[i][d] != 1) return false;
        }
        return true;
    }
}
