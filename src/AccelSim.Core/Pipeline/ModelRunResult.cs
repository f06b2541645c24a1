using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Pipeline;

/// <summary>A whole model's evaluation: per-layer results in topological order and the totals.</summary>
public sealed record ModelRunResult(ModelGraph Model, Accelerator Arch, string Dataflow, int Batch, IReadOnlyList<LayerResult> Layers)
{
    /// <summary>The counting rules the layers were evaluated with (<see cref="AccelSim.Model.CountingRules.Describe"/>).</summary>
    public string Counting { get; init; } = AccelSim.Model.CountingRules.AccelSim.Describe();

    public long Macs => Layers.Sum(l => l.Macs);
    public long Weights => Layers.Sum(l => l.Weights);
    public long Cycles => Layers.Sum(l => l.Cycles);
    public long ComputeCycles => Layers.Sum(l => l.ComputeCycles);
    public long FillDrainCycles => Layers.Sum(l => l.FillDrainCycles);
    public long StallCycles => Layers.Sum(l => l.StallCycles);
    public double Energy => Layers.Sum(l => l.Energy);
    public long DramBytes => Layers.Sum(l => l.DramBytes);
    public double Seconds => Cycles / Arch.ClockHz;
    /// <summary>MACs over (cycles × MAC units), over the whole model.</summary>
    public double Utilization => Cycles == 0 ? 0 : (double)Macs / ((double)Cycles * Arch.MacUnits);
    public double LevelEnergy(int level) => Layers.Sum(l => l.LevelEnergy[level]);
    public double NetworkEnergy => Layers.Sum(l => l.NetworkEnergy);
    public double MacEnergy => Layers.Sum(l => l.MacEnergy);
    public double VectorEnergy => Layers.Sum(l => l.VectorEnergy);
    public double BackgroundEnergy => Layers.Sum(l => l.BackgroundEnergy);
}
