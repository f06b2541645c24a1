using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// The inward move, a dominance the sound search prunes by (docs/mapper.md, "The inward move"): moving a prime factor p of
/// N, G, M or C (and of P or Q where the layer's tiles are linear in them, <see cref="IsMovable"/>) from the level above the innermost into the innermost level, every other factor, order and keep unchanged,
/// never raises the energy (background over the analytical cycles included) nor the analytical cycles, under AccelSim's
/// counting rules and Timeloop's (<c>InwardMoveTests</c>). The level above keeps its tile (it holds the innermost loops
/// either way) and so does every level above it. So in a work item whose innermost tiling is T, a factor f of such a dim at
/// the level above the innermost is dominated when f holds a prime p for which T with that dim times p is the innermost
/// tiling of another item of the same plan and unrolling, and f / p is allowed there: that item's walk meets the moved
/// mapping (or one at least as good), with no higher energy and no more cycles.
/// </summary>
internal static class InwardMove
{
    /// <summary>True for the dims every tile of <paramref name="problem"/> is linear in: N, G, M and C, and P (Q) when the
    /// filter is one row (column) tall and the stride 1, so that an input tile's rows are its output rows (no halo, no gap)
    /// and P counts as a plane dim does. Otherwise a P factor moved inward can cost more (a halo shared across the move, a
    /// stride above the window: docs/mapper.md).</summary>
    public static bool IsMovable(ProblemShape problem, int dim) => dim switch
    {
        (int)Dim.N or (int)Dim.G or (int)Dim.M or (int)Dim.C => true,
        (int)Dim.P => problem.R == 1 && problem.StrideH == 1,
        (int)Dim.Q => problem.S == 1 && problem.StrideW == 1,
        _ => false,
    };

    /// <summary>
    /// True when factor <paramref name="factor"/> of <paramref name="dim"/> at <paramref name="level"/> (the level above the
    /// innermost; <paramref name="left"/> of the dim is left for it and the levels above) gives a prime to
    /// <paramref name="innermost"/> that lands on one of <paramref name="siblings"/>, the innermost tilings of the plan's
    /// items for the same unrolling. <paramref name="scratch"/> holds one factor per dim (overwritten).
    /// </summary>
    public static bool Dominated(SearchPlan plan, int level, int dim, int factor, int left, int[] innermost,
        IReadOnlySet<int[]> siblings, int[] scratch)
    {
        if (!IsMovable(plan.Problem, dim)) return false;
        for (int p = 2, rest = factor; rest > 1; p++)
        {
            if (rest % p != 0) continue;
            while (rest % p == 0) rest /= p;
            Array.Copy(innermost, scratch, Dims.Count);
            scratch[dim] *= p;
            // The moved mapping keeps f / p at this level, with left / p left there (a dim kept whole stays whole).
            if (siblings.Contains(scratch) && plan.AllowedFactor(level, dim, factor / p, left / p)) return true;
        }
        return false;
    }
}
