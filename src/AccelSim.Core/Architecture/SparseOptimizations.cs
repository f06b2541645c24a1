using AccelSim.Workloads;

namespace AccelSim.Architecture;

/// <summary>
/// What an architecture does with zeros, in Sparseloop's vocabulary (Y. N. Wu, P.-A. Tsai, A. Parashar, V. Sze, J. Emer,
/// "Sparseloop: An Analytical Approach to Sparse Tensor Accelerator Modeling", MICRO 2022): <i>gating</i> (an action
/// optimization that idles the hardware on an ineffectual operation, saving energy but not time) and a compressed
/// <i>representation format</i> of a level's traffic. The subset AccelSim implements is docs/sparsity.md.
/// </summary>
public sealed record SparseOptimizations
{
    /// <summary>Gating at the innermost storage level, or null.</summary>
    public Gating? Gating { get; init; }
    /// <summary>Levels whose traffic is compressed.</summary>
    public IReadOnlyList<LevelCompression> Compression { get; init; } = [];
}

/// <summary>
/// Gate <paramref name="Target"/>'s reads at level <paramref name="Level"/> (the innermost, which feeds the MAC) and the MAC
/// itself when the <paramref name="ConditionOn"/> operand is zero (Sparseloop: gating, target ← condition-on).
/// </summary>
public sealed record Gating(int Level, TensorKind Target, TensorKind ConditionOn);

/// <summary>
/// The traffic of <paramref name="Tensors"/> at level <paramref name="Level"/> travels run-length coded; with
/// <see cref="SkipModelInput"/>, except the model's own input (what the host writes, not a layer), which stays raw.
/// </summary>
public sealed record LevelCompression(int Level, TensorSet Tensors, RunLengthFormat Format)
{
    /// <summary>The model's input crosses the level uncoded (Eyeriss codes every fmap but the first layer's input).</summary>
    public bool SkipModelInput { get; init; }
}

/// <summary>
/// A run-length format: each pair holds a run of up to 2^RunBits − 1 zeros and one value of ValueBits; PairsPerWord pairs
/// are packed into one WordBits-bit word (Eyeriss: 5-bit run, 16-bit level, 3 pairs per 64-bit word, JSSC 2017).
/// </summary>
public sealed record RunLengthFormat(int RunBits, int ValueBits, int PairsPerWord, int WordBits)
{
    /// <summary>
    /// Expected coded bits per data word when each word is non-zero with probability <paramref name="density"/>,
    /// independently (Sparseloop's uniform density model). A pair covers its run of zeros (at most the longest run; a
    /// longer run continues in the next pair) and the word after it, so the words per pair are 1 + Σ_{j=1..max} (1 − d)^j.
    /// </summary>
    public double BitsPerWord(double density)
    {
        double zero = 1 - density, longestRun = Math.Pow(2, RunBits) - 1, covered = 1, term = 1;
        for (int j = 1; j <= longestRun; j++) { term *= zero; covered += term; }
        return (double)WordBits / PairsPerWord / covered;
    }
}
