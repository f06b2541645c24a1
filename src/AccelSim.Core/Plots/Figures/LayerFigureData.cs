namespace AccelSim.Plots.Figures;

/// <summary>
/// What the figures need to know about one evaluated layer, as plain numbers so that the figures do not depend on how
/// the simulator computed them.
/// </summary>
/// <param name="Layer">The layer's name, unique within the model.</param>
/// <param name="Kind">The layer's kind (e.g. "conv", "fullyconnected").</param>
/// <param name="Macs">Multiply-accumulates the layer performs.</param>
/// <param name="EnergyPj">Total energy of the layer (in the run's energy unit).</param>
/// <param name="Cycles">Latency of the layer in cycles: compute + fill/drain + stalls.</param>
/// <param name="Utilization">Achieved MACs over peak MACs for the layer's cycles, 0 to 1.</param>
/// <param name="EnergyByLevelPj">Energy per storage level, network, MAC and vector unit; keys become series in first-seen order.</param>
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
    double AchievedMacsPerCycle)
{
    /// <summary>The layer class the figures colour by (<see cref="LayerClassStyles"/>).</summary>
    public string Class { get; init; } = FigureLayerClass.Dense;

    /// <summary>Cycles lost waiting for data (part of <see cref="Cycles"/>).</summary>
    public long StallCycles { get; init; }

    /// <summary>Words moved at each storage level, by level name (empty for folders written before words_&lt;level&gt;).</summary>
    public IReadOnlyDictionary<string, double> WordsByLevel { get; init; } = new Dictionary<string, double>();

    /// <summary>The stall cycles by cause ("level/tensor"), summing to <see cref="StallCycles"/>; empty when unknown.</summary>
    public IReadOnlyList<(string Source, long Cycles)> StallSources { get; init; } = [];

    /// <summary>Systolic fill and drain cycles (part of <see cref="Cycles"/>).</summary>
    public long FillDrainCycles { get; init; }

    /// <summary>The MAC layer an element-wise activation is fused into, or null.</summary>
    public string? FusedInto { get; init; }

    /// <summary>How many layers this row stands for (more than one once fused activations are folded in or the rest aggregated).</summary>
    public int Members { get; init; } = 1;

    /// <summary>Cycles neither stalled nor filling/draining the array.</summary>
    public long ComputeCycles => Cycles - StallCycles - FillDrainCycles;
}
