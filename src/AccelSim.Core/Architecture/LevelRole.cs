namespace AccelSim.Architecture;

/// <summary>
/// What a storage level is for, so that a dataflow can name levels of any architecture (docs/arch-format.md, Roles).
/// </summary>
public enum LevelRole
{
    /// <summary>Level 0: off-chip memory holding every tensor.</summary>
    Backing,
    /// <summary>An on-chip level above the PE array, shared by its PEs (global buffers, a TPU's Unified Buffer).</summary>
    Buffer,
    /// <summary>A storage level inside a PE, below the PE-array fan-out (scratchpads, registers; however many).</summary>
    Pe,
}
