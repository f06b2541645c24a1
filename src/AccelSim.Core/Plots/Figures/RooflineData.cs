namespace AccelSim.Plots.Figures;

/// <summary>The accelerator's roofs: peak compute and the DRAM bandwidth that feeds it.</summary>
/// <param name="PeakMacsPerCycle">MAC units that can work each cycle.</param>
/// <param name="DramWordsPerCycle">Words DRAM delivers per cycle.</param>
public sealed record RooflineData(double PeakMacsPerCycle, double DramWordsPerCycle)
{
    /// <summary>Each bounded storage level's words per cycle over all its instances, outermost first (the per-level roofs).</summary>
    public IReadOnlyList<(string Level, double WordsPerCycle)> Levels { get; init; } = [];
}
