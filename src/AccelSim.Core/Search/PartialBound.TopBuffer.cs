using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// The top buffer's capacity floor in <see cref="PartialBound"/> (docs/mapper.md, "The top buffer's capacity floor").
/// While level 1 is free or partly chosen, the terms from level 0 to level 1 are charged as if level 1 could hold every
/// tensor's tile at the least size: each tensor's compulsory traffic, or the least over level 0's orders of volumes that
/// shrink as level 1's tiles grow. Level 1 cannot hold all of them at once when they overflow it, and then some tensor is
/// fetched again. The energy of those terms depends only on level 1's tile (its extents, a multiple per dim of the least
/// extents the fixed factors give it) and on level 0's order, so its least over every tile that fits level 1
/// (<see cref="TopBufferFloor"/>) bounds them in every completion. The per-tensor terms and level 0's joint-order excess
/// bound them too (with other terms, in that excess); the larger of the two bounds is taken.
/// </summary>
internal sealed partial class PartialBound
{
    /// <summary>The least energy of the level-0-to-level-1 terms over every tile level 1 can hold (null: not charged).</summary>
    public TopBufferFloor? TopFloor { get; set; }

    // What the current call charged the terms from level 0 to level 1 (Of).
    private double _chargedTop;

    // Level 0's joint-order excess `excess0` or, when larger, the capacity floor's excess over what the per-tensor terms
    // charged the level-0-to-level-1 terms. The floor applies while level 1 is free or partly chosen: every completion's
    // level-1 tile is then a multiple per dim of _ext[1] (chosen factors exactly, the others at least 1). The first bound
    // is the per-tensor charges plus excess0; the second drops excess0 (it may hold other terms' share, which then goes
    // uncharged) and charges the floor for the level-0-to-level-1 terms: both bound the same energy.
    private double TopFloorExcess(double excess0)
    {
        if (TopFloor is not { } floor || (_fixedFrom < 2 && _partial != 1)) return excess0;
        return Math.Max(excess0, floor.At(_ext[1]) - _chargedTop);
    }

    /// <summary>
    /// The energy of the terms from level 0 to level 1 (the tensors level 1 keeps) with level 1's tile fixed in
    /// <paramref name="temporal"/> (every level below at 1, every fan-out of 1 in <paramref name="unit"/>), level 0 taking
    /// the rest, with their joint-order excess at level 0: a bound on those terms of every mapping with that level-1 tile
    /// whose level 0 has no fan-out (the same terms as <see cref="Of"/> computes for such a complete mapping, a subset of
    /// them in the joint-order term, which only lowers it).
    /// </summary>
    public double TopTerms(int[][] temporal, int[][] unit, TensorSet[] keeps)
    {
        Start(0, temporal, unit, unit, keeps);
        foreach (var tensor in Tensors.All)
        {
            if (!keeps[1].Has(tensor)) continue;
            if (tensor == TensorKind.Outputs) AddOutputs(0, 1);
            else AddOperand(tensor, 0, 1);
        }
        double energy = _energy + JointOrderExcess(double.PositiveInfinity);
        _energy = 0;
        return energy;
    }
}
