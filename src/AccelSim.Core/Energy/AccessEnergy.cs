namespace AccelSim.Energy;

/// <summary>
/// Energy of one word read from and one word written to a storage level, in the architecture's energy unit. A write is a
/// fill from the level above; an update (a partial sum written back from below) costs <see cref="Update"/>, which is the
/// write energy unless given (Timeloop's ERTs price the two actions separately).
/// </summary>
public sealed record AccessEnergy(double Read, double Write)
{
    /// <summary>Energy of one word updated (a partial sum written back from the level below).</summary>
    public double Update { get; init; } = Write;
}
