using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Pipeline;

/// <summary>
/// What one layer of a model costs on an accelerator: MACs, weights, cycles (with stalls), utilization, energy by storage level,
/// network, MAC and vector unit, energy by tensor, DRAM traffic, and the mapping that produced them (null without MACs).
/// Energies are in the architecture's energy unit.
/// </summary>
public sealed record LayerResult
{
    public required string Layer { get; init; }
    public required LayerKind Kind { get; init; }
    public ProblemShape? Problem { get; init; }
    public long Macs { get; init; }
    public long Weights { get; init; }
    public long Cycles { get; init; }
    public long ComputeCycles { get; init; }
    /// <summary>Systolic pipeline fill and drain (the skew of rows + columns per fold); 0 without a systolic array.</summary>
    public long FillDrainCycles { get; init; }
    /// <summary>Cycles the array waited for data: cycles = compute + fill/drain + stalls.</summary>
    public long StallCycles => Cycles - ComputeCycles - FillDrainCycles;
    /// <summary>The stall cycles by cause ("level/tensor"), summing to <see cref="StallCycles"/>; empty without stalls.</summary>
    public IReadOnlyList<(string Source, long Cycles)> StallSources { get; init; } = [];
    /// <summary>MACs over (cycles × MAC units) for MAC layers; 0 for vector layers.</summary>
    public double Utilization { get; init; }
    /// <summary>MAC units the mapping keeps busy over all MAC units (what the spatial unrolling alone allows); 0 for vector layers.</summary>
    public double SpatialUtilization { get; init; }
    public required IReadOnlyList<double> LevelEnergy { get; init; }
    public double NetworkEnergy { get; init; }
    public double MacEnergy { get; init; }
    public double VectorEnergy { get; init; }
    /// <summary>The architecture's background power (clock network, leakage) over the layer's cycles; 0 when it gives none.</summary>
    public double BackgroundEnergy { get; init; }
    /// <summary>Storage energy by tensor (weights, inputs, outputs).</summary>
    public required IReadOnlyList<double> TensorEnergy { get; init; }
    public long DramWords { get; init; }
    /// <summary>Words moved at each storage level (reads and writes of every tensor, all instances); DRAM only for vector layers.</summary>
    public IReadOnlyList<long> LevelWords { get; init; } = [];
    public int WordBits { get; init; } = 16;
    public LoopMapping? Mapping { get; init; }
    public string? Dataflow { get; init; }
    /// <summary>The MAC layer this element-wise activation is fused into (applied to its outputs on the way out), or null.</summary>
    public string? FusedInto { get; init; }

    public double Energy => LevelEnergy.Sum() + NetworkEnergy + MacEnergy + VectorEnergy + BackgroundEnergy;
    public double EnergyPerMac => Macs == 0 ? 0 : Energy / Macs;
    public long DramBytes => DramWords * WordBits / 8;
}
