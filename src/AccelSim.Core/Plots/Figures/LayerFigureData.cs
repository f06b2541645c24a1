namespace AccelSim.Plots.Figures;

/// <summary>
/// What the figures need to know about one evaluated layer, as plain numbers so that the figures do not depend on how
/// the simulator computed them.
/// </summary>
/// <param name="Layer">The layer's name, unique within the model.</param>
/// <param name="Kind">The layer's kind (e.g. "conv", "fc"); points are grouped and coloured by it.</param>
/// <param name="Macs">Multiply-accumulates the layer performs.</param>
/// <param name="EnergyPj">Total energy of the layer.</param>
/// <param name="Cycles">Latency of the layer in cycles.</param>
/// <param name="Utilization">Achieved MACs over peak MACs for the layer's cycles, 0 to 1.</param>
/// <param name="EnergyByLevelPj">Energy per storage level, including a "MAC" entry and network entries; keys become series in their first-seen order.</param>
/// <param name="EnergyByTensorPj">Storage energy per tensor (weights, inputs, outputs).</param>
/// <param name="ArithmeticIntensity">MACs per DRAM word moved.</param>
/// <param name="AchievedMacsPerCycle">MACs over cycles.</param>
public sealed record LayerFigureData(
    string Layer,
    string Kind,
    long Macs,
    double EnergyPj,
    long Cycles,
    double Utilization,
    IReadOnlyDictionary<string, double> EnergyByLevelPj,
    IReadOnlyDictionary<string, double> EnergyByTensorPj,
    double ArithmeticIntensity,
    double AchievedMacsPerCycle);
