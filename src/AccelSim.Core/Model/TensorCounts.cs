namespace AccelSim.Model;

/// <summary>
/// Accesses of one tensor at one storage level, summed over all instances of the level (SPEC §4):
/// reads served to the level below (or the MAC) and, for outputs, partial-sum reads for write-back and reload;
/// fills written from the level above; updates (partial sums written by the level below or the MAC).
/// </summary>
public record struct TensorCounts(long Reads, long Fills, long Updates)
{
    /// <summary>Fills plus updates.</summary>
    public readonly long Writes => Fills + Updates;

    /// <summary>All accesses.</summary>
    public readonly long Total => Reads + Fills + Updates;
}
