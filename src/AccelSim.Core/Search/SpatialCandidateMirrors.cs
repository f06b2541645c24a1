using AccelSim.Architecture;

namespace AccelSim.Search;

/// <summary>
/// The mirror reduction of the sound search (docs/mapper.md, "Mirrored unrollings"): at a fan-out whose two axes are the
/// same (as many children, the same network semantics, not systolic), swapping an unrolling's X and Y factors changes no
/// access count, no cycle count and no energy, so of each class of unrollings that differ only by such swaps the search
/// keeps the first in enumeration order, which is also the one the full search's tie-break would pick.
/// </summary>
internal static class SpatialCandidateMirrors
{
    /// <summary>
    /// True when the fan-out below <paramref name="level"/> treats X and Y alike: square, the same multicast, forwarding
    /// and reduction on both axes, and no systolic wavefront (whose skew and stationary preload follow its rows).
    /// </summary>
    public static bool IsMirrorSymmetric(Accelerator arch, int level)
    {
        var fanout = arch.Levels[level].Fanout;
        return fanout is not null && fanout.X == fanout.Y && fanout.X > 1 && !fanout.Systolic && fanout.Network.X == fanout.Network.Y;
    }

    /// <summary>
    /// <paramref name="candidates"/> with every unrolling dropped whose mirror image (X and Y swapped at any set of
    /// symmetric fan-outs) came earlier in the list. Ordinary (perfect, unflattened) unrollings only: others are kept as
    /// they are. <paramref name="symmetric"/> replaces <see cref="IsMirrorSymmetric"/> (tests: a wrong reduction must show).
    /// </summary>
    public static List<SpatialCandidate> OnePerClass(List<SpatialCandidate> candidates, Accelerator arch, Func<int, bool>? symmetric = null)
    {
        symmetric ??= level => IsMirrorSymmetric(arch, level);
        var levels = Enumerable.Range(0, arch.Levels.Count).Where(symmetric).ToArray();
        if (levels.Length == 0) return candidates;
        var seen = new HashSet<string>();
        var kept = new List<SpatialCandidate>();
        foreach (var c in candidates)
        {
            if (c.Flatten.Count > 0) { kept.Add(c); continue; }
            if (seen.Contains(Key(c.X, c.Y))) continue; // an earlier unrolling's mirror image: the same counts
            kept.Add(c);
            foreach (var (x, y) in Images(c, levels)) seen.Add(Key(x, y));
        }
        return kept;
    }

    // Every image of the unrolling under swaps at any subset of the symmetric levels (itself included).
    private static IEnumerable<(int[][] X, int[][] Y)> Images(SpatialCandidate c, int[] levels)
    {
        for (int subset = 0; subset < 1 << levels.Length; subset++)
        {
            var x = c.X.Select(a => (int[])a.Clone()).ToArray();
            var y = c.Y.Select(a => (int[])a.Clone()).ToArray();
            for (int j = 0; j < levels.Length; j++)
                if ((subset & (1 << j)) != 0) (x[levels[j]], y[levels[j]]) = (y[levels[j]], x[levels[j]]);
            yield return (x, y);
        }
    }

    private static string Key(int[][] x, int[][] y) =>
        string.Join("|", x.Select(a => string.Join(",", a))) + "/" + string.Join("|", y.Select(a => string.Join(",", a)));
}
