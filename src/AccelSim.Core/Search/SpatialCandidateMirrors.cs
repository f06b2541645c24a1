using AccelSim.Architecture;
using AccelSim.Workloads;

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
            var own = Key(c, 0);
            if (seen.Contains(own)) continue; // an earlier unrolling's mirror image: the same counts
            kept.Add(c);
            seen.Add(own);
            // Every other image of the unrolling: swaps at any nonempty subset of the symmetric levels.
            for (int subset = 1; subset < 1 << levels.Length; subset++)
            {
                int swapped = 0;
                for (int j = 0; j < levels.Length; j++)
                    if ((subset & (1 << j)) != 0) swapped |= 1 << levels[j];
                seen.Add(Key(c, swapped));
            }
        }
        return kept;
    }

    // The unrolling's factors with X and Y swapped at the levels of `swapped` (a bit per level), as one string: every X
    // factor then every Y factor, each as two 16-bit halves (a fixed length per architecture, so equal keys are equal
    // factors). One allocation per key: the sound search asks this for every unrolling, hundreds of thousands per model.
    private static string Key(SpatialCandidate c, int swapped) =>
        string.Create(4 * c.X.Length * Dims.Count, (c, swapped), static (span, state) =>
        {
            var (c, swapped) = state;
            int k = 0;
            for (int axis = 0; axis < 2; axis++)
                for (int i = 0; i < c.X.Length; i++)
                {
                    bool swap = (swapped & (1 << i)) != 0;
                    var factors = (axis == 0) != swap ? c.X[i] : c.Y[i];
                    foreach (int f in factors)
                    {
                        span[k++] = (char)(f & 0xFFFF);
                        span[k++] = (char)((uint)f >> 16);
                    }
                }
        });
}
