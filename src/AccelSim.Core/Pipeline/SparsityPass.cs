using AccelSim.Architecture;
using AccelSim.Model;
using AccelSim.Sparsity;
using AccelSim.Workloads;

namespace AccelSim.Pipeline;

/// <summary>
/// Re-prices a MAC layer's dense counts for the zeros its tensors hold (docs/sparsity.md), as a post-pass over the
/// analytical counts so that the counting stays one code path: gating scales the gated MACs and the target's reads at the
/// innermost level by the condition tensor's density (energy only; cycles are unchanged, as on Eyeriss), and a compressed
/// level's traffic of a tensor shrinks to the run-length format's expected bits. Without <see cref="Accelerator.Sparse"/>
/// nothing changes.
/// </summary>
public static class SparsityPass
{
    /// <summary>
    /// The layer's result with energies and traffic for <paramref name="density"/>; <paramref name="readsModelInput"/>
    /// says its inputs are the model's own input (kept raw where a compression says <see cref="LevelCompression.SkipModelInput"/>).
    /// </summary>
    public static LayerResult Apply(LayerResult dense, Evaluation eval, Accelerator arch, LayerDensity density, bool readsModelInput = false)
    {
        if (arch.Sparse is not { } sparse || dense.Problem is not { } problem) return dense;
        int levels = arch.Levels.Count;
        var storage = (double[,])eval.StorageEnergy.Clone();
        var words = new double[levels];
        for (int i = 0; i < levels; i++) words[i] = eval.Counts.LevelReads(i) + eval.Counts.LevelWrites(i);
        double macEnergy = eval.MacEnergy;

        if (sparse.Gating is { } gating)
        {
            double effectual = density.Of(gating.ConditionOn);
            long reads = eval.Counts.Get(gating.Level, gating.Target).Reads;
            storage[gating.Level, (int)gating.Target] -= reads * (1 - effectual) * arch.Levels[gating.Level].Storage.EnergyFor(gating.Target).Read;
            macEnergy *= effectual;
        }

        foreach (var compression in sparse.Compression)
        {
            int level = compression.Level;
            var energy = arch.Levels[level].Storage;
            foreach (var tensor in compression.Tensors.Members())
            {
                if (tensor == TensorKind.Inputs && readsModelInput && compression.SkipModelInput) continue;
                var counts = eval.Counts.Get(level, tensor);
                double ratio = compression.Format.BitsPerWord(density.Of(tensor)) / energy.WordBits;
                // Only final output values are coded; spilled partial sums (reloads and extra updates) travel raw.
                long coded = tensor == TensorKind.Outputs ? Math.Min(counts.Updates, problem.TensorSize(TensorKind.Outputs)) : counts.Total;
                long codedReads = tensor == TensorKind.Outputs ? 0 : counts.Reads;
                long codedWrites = coded - codedReads;
                var perWord = energy.EnergyFor(tensor);
                storage[level, (int)tensor] -= (1 - ratio) * (codedReads * perWord.Read + codedWrites * perWord.Write);
                words[level] -= (1 - ratio) * coded;
            }
        }

        return dense with
        {
            LevelEnergy = Enumerable.Range(0, levels).Select(i => Enumerable.Range(0, Tensors.Count).Sum(t => storage[i, t])).ToArray(),
            TensorEnergy = Tensors.All.Select(t => Enumerable.Range(0, levels).Sum(i => storage[i, (int)t])).ToArray(),
            MacEnergy = macEnergy,
            LevelWords = words.Select(w => (long)Math.Round(w)).ToArray(),
            DramWords = (long)Math.Round(words[0]),
        };
    }
}
