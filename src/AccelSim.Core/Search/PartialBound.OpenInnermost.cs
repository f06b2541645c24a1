using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// The bound of <see cref="PartialBound"/> over a group of innermost tilings (docs/mapper.md, "Groups of innermost
/// tilings"): the innermost level partly chosen (<see cref="PartialBound.OfPartialLevel"/> at level L−1), its open dims
/// among N, G and C (no sliding window, and not M, whose loops the held inputs' conflict counts as runs), every other level
/// free. Each open dim d lies between 1 and a largest factor h; what the free levels leave of it is then r/f, between r/h
/// and r (r: what they leave at f = 1). The free levels' joint-order term, which otherwise needs the innermost tiling
/// complete, still bounds every member: each of its terms moves tile · base · (the free loops over its dims) words, per
/// open dim a factor unit·f (if the tensor's tile spans d) times r/f (if d is among the loops), so the product is the same
/// for every f when both, least at f = 1 when only the tile, and r/h when only the loop; the inputs' sweeps and held
/// refills scale with their planes as their tiles do. Every term at its least over the group, the least over the
/// orderings is at most every member's. The per-tensor terms need nothing new: a tile spanning d times the loads over d
/// is the same for every f.
/// </summary>
internal sealed partial class PartialBound
{
    /// <summary>The dims a group may leave open: each scales a tile linearly or not at all, and none is counted as runs.</summary>
    public const int GroupDims = (1 << (int)Dim.N) | (1 << (int)Dim.G) | (1 << (int)Dim.C);

    // The open dims of the innermost level while it is partly chosen on GroupDims only (0: not in that case).
    private int _openInnermost;

    /// <summary>True when the architecture's compute cycles depend on the innermost tiling's folds (a systolic array):
    /// the group bound does not cover that (<see cref="ComputeCycles"/> counts folds from the innermost factors).</summary>
    public bool Systolic => _systolicSkew != 0;

    // Called by OfPartialLevel: the open dims when the innermost level is the partly chosen one, its open dims are in
    // GroupDims and at least two levels are free above it with no systolic folds; else 0 (the free levels' term is then left out, as
    // for any partly chosen level).
    private void PrepareOpenInnermost(int level, int[] high, int[][] temporal)
    {
        _openInnermost = 0;
        if (level != _levels - 1 || level < 2 || _systolicSkew != 0) return;
        int open = 0;
        for (int d = 0; d < Dims.Count; d++) if (high[d] != temporal[level][d]) open |= 1 << d;
        if ((open & ~GroupDims) == 0) _openInnermost = open;
    }

    // The free levels' joint-order term applies: every fixed level complete, or the innermost one open on GroupDims only.
    private bool FreeLevelsKnown => _fixedFrom > 0 && (_partial < 0 || _openInnermost != 0);

    // The free loops over `dims` a term of `tensor` multiplies its tile (taken at the open dims' least) by, at their least
    // with the tile: r where the tile spans the dim (the product with the tile is the same for every factor), r/h where it
    // does not.
    private long FreePrefix(TensorKind tensor, int dims)
    {
        long product = 1;
        for (int m = dims & AllDims; m != 0; m &= m - 1)
        {
            int d = System.Numerics.BitOperations.TrailingZeroCount(m);
            product *= Tensors.IsRelevant(tensor, (Dim)d) || (_openInnermost & (1 << d)) == 0 ? _rest[d] : _restAbove[d];
        }
        return product;
    }

    // The loops of level k over `dims` a term of `tensor` multiplies by (Prefix; the free levels' per tensor, FreePrefix).
    private long PrefixOf(TensorKind tensor, int k, int dims) => k == FreeLevels ? FreePrefix(tensor, dims) : Prefix(k, dims);
}
