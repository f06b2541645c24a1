namespace AccelSim.Plots.Figures;

/// <summary>The accelerator's roofs: peak compute and the DRAM bandwidth that feeds it.</summary>
/// <param name="PeakMacsPerCycle">MAC units that can work each cycle.</param>
/// <param name="DramWordsPerCycle">Words DRAM delivers per cycle.</param>
public sealed record RooflineData(double PeakMacsPerCycle, double DramWordsPerCycle);
