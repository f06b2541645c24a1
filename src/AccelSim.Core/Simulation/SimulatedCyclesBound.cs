using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// A lower bound on <see cref="CycleSimulator"/>'s total cycles for a perfectly factorized mapping, from its tile sizes
/// alone (no walk), used by the mapper to skip simulating a candidate that cannot beat the best simulated one
/// (docs/mapper.md, "Simulated cycles"). The simulator (docs/simulator.md) runs its compute blocks one after another,
/// each for its block length plus the systolic skew; the first block starts only when every level holds its first
/// operand tiles, filled whole (nothing is resident yet) link after link down each tensor's chain, each link taking at
/// least its words over the slower of the parent's read and the child's write bandwidth, with DRAM's one read port
/// serving every operand's first fill in turn; and the run ends only when the last output tile has been written back
/// from the innermost level keeping outputs, level by level, to DRAM. So
/// total ≥ max(first fills) + compute + skew + last write-back. Checked against the simulator on random mappings
/// with random bandwidths (<c>SimulatedCyclesBoundTests</c>).
/// </summary>
public static class SimulatedCyclesBound
{
    /// <summary>
    /// The bound for the mapping given as per-level temporal and spatial factors and keeps (a perfect factorization), with
    /// <paramref name="computeAndSkew"/> = temporal iterations plus folds × systolic fold overhead (the analytical model's).
    /// </summary>
    public static double Of(ProblemShape problem, Accelerator arch, int[][] temporal, int[][] spatialX, int[][] spatialY, TensorSet[] keeps, long computeAndSkew)
    {
        int levels = arch.Levels.Count;
        Span<long> ext = stackalloc long[Dims.Count];
        Span<long> words = stackalloc long[levels * Tensors.Count]; // [level * tensors + tensor]: tile words per instance
        ext.Fill(1);
        for (int c = levels - 1; c >= 1; c--)
        {
            for (int d = 0; d < Dims.Count; d++) ext[d] *= (long)temporal[c][d] * spatialX[c][d] * spatialY[c][d];
            foreach (var t in Tensors.All)
                if (keeps[c].Has(t)) words[c * Tensors.Count + (int)t] = TileMath.TileSize(problem, t, ext);
        }

        double dramReads = 0, prologue = 0;
        foreach (var t in new[] { TensorKind.Weights, TensorKind.Inputs })
        {
            double chain = 0;
            int parent = 0;
            for (int c = 1; c < levels; c++)
            {
                long w = words[c * Tensors.Count + (int)t];
                if (w == 0) continue;
                double link = Time(w, Math.Min(Read(arch, parent), Write(arch, c)));
                if (parent == 0) dramReads += Time(w, Read(arch, 0));
                chain += link;
                parent = c;
            }
            prologue = Math.Max(prologue, chain);
        }
        prologue = Math.Max(prologue, dramReads);

        // The last output tile's write-back, innermost keeping level first, each into the next keeping level up.
        double epilogue = 0;
        int child = -1;
        for (int c = levels - 1; c >= 0; c--)
        {
            if (c > 0 && words[c * Tensors.Count + (int)TensorKind.Outputs] == 0) continue;
            if (child > 0) epilogue += Time(words[child * Tensors.Count + (int)TensorKind.Outputs], Math.Min(Read(arch, child), Write(arch, c)));
            child = c;
        }
        return prologue + computeAndSkew + epilogue;
    }

    /// <summary>The bound of a <see cref="LoopMapping"/> (perfect factors), its compute and skew given.</summary>
    public static double Of(ProblemShape problem, Accelerator arch, LoopMapping mapping, long computeAndSkew) =>
        Of(problem, arch, mapping.Levels.Select(l => l.Temporal.ToArray()).ToArray(), mapping.Levels.Select(l => l.SpatialX.ToArray()).ToArray(),
            mapping.Levels.Select(l => l.SpatialY.ToArray()).ToArray(), mapping.Levels.Select(l => l.Keeps).ToArray(), computeAndSkew);

    private static double Read(Accelerator arch, int level) => arch.Levels[level].Storage.ReadBandwidth;
    private static double Write(Accelerator arch, int level) => arch.Levels[level].Storage.WriteBandwidth;
    private static double Time(long words, double bandwidth) => double.IsPositiveInfinity(bandwidth) ? 0 : words / bandwidth;
}
