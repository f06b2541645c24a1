using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// Counts the distinct tiles that the children of one parent instance hold at the same time, by enumerating every
/// sibling's tile origin once (they are time-invariant: siblings differ only by their spatial offsets). A network that
/// multicasts the tensor serves siblings with equal tiles by one read; one that does not keeps every child apart.
/// </summary>
internal static class SiblingTiles
{
    /// <summary>
    /// Distinct child tiles of <paramref name="tensor"/> among the children of one <paramref name="parent"/> instance at
    /// level <paramref name="child"/> (the MAC when child = L). <paramref name="mergeAll"/> treats every fan-out as
    /// merging equal tiles (outputs: reduction groups write back once).
    /// </summary>
    public static long Distinct(ProblemShape p, Accelerator arch, LoopMapping mapping, NestLayout nest, TensorKind tensor,
        int parent, int child, bool mergeAll)
    {
        // Digits: one per spatial factor > 1 between parent and child; a digit moves its dim's origin by its step.
        var digits = new List<(int Dim, long Bound, long Step, bool Merge)>();
        for (int k = parent; k < child; k++)
        {
            var m = mapping.Levels[k];
            var network = arch.Levels[k].Fanout?.Network;
            // X is unrolled inside Y: an X step spans the child tile, a Y step spans the X unrolling too.
            for (int d = 0; d < Dims.Count; d++)
                if (m.SpatialX[d] > 1) digits.Add((d, m.SpatialX[d], nest.Extents[k + 1][d], mergeAll || Merges(network, tensor, d, false)));
            for (int d = 0; d < Dims.Count; d++)
                if (m.SpatialY[d] > 1) digits.Add((d, m.SpatialY[d], nest.Extents[k + 1][d] * m.SpatialX[d], mergeAll || Merges(network, tensor, d, true)));
        }
        if (digits.Count == 0) return 1;

        var seen = new HashSet<(long, long, long, long, long, long)>();
        var offset = new long[Dims.Count];
        var box = new long[TileCoordinates.Rank];
        var index = new long[digits.Count];
        while (true)
        {
            Array.Clear(offset);
            long apart = 0; // mixed-radix index over the digits of fan-outs that cannot merge
            for (int i = 0; i < digits.Count; i++)
            {
                offset[digits[i].Dim] += index[i] * digits[i].Step;
                if (!digits[i].Merge) apart = apart * digits[i].Bound + index[i];
            }
            TileCoordinates.Origin(p, tensor, offset, box);
            seen.Add((box[0], box[1], box[2], box[3], box[4], apart));
            int j = digits.Count - 1;
            while (j >= 0 && ++index[j] == digits[j].Bound) index[j--] = 0;
            if (j < 0) break;
        }
        return seen.Count;
    }

    // Siblings along an axis whose network shares the tensor are served by one read when their tiles are equal; without
    // diagonal multicast, children apart in a sliding input dim are never merged even when their windows coincide.
    private static bool Merges(NetworkSpec? network, TensorKind tensor, int dim, bool y) =>
        network is not null && network.Shares(tensor, y)
        && (network.DiagonalMulticast || tensor != TensorKind.Inputs || (Dim)dim is not (Dim.P or Dim.R or Dim.Q or Dim.S));
}
