using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Model;

/// <summary>
/// Analytical cost of a layer without MACs (pooling, element-wise, concat, shuffle, scale, activation) on the vector unit:
/// its inputs are read from DRAM once and its outputs written once, and it takes the longer of its element operations at
/// the unit's lanes per cycle and its DRAM traffic at the DRAM bandwidth.
/// </summary>
public sealed record VectorLayerCost(long DramReads, long DramWrites, long Ops, long ComputeCycles, long Cycles, double DramEnergy, double OpEnergy)
{
    /// <summary>Total energy.</summary>
    public double Energy => DramEnergy + OpEnergy;

    /// <summary>Evaluates a non-MAC layer at a batch size.</summary>
    public static VectorLayerCost Of(LayerNode layer, Accelerator arch, int batch)
    {
        long reads = layer.InputActivations * batch, writes = layer.OutputActivations * batch, ops = layer.VectorOps * batch;
        int lanes = arch.Vector?.Lanes ?? 1;
        long compute = (ops + lanes - 1) / lanes;
        var dram = arch.Levels[0].Storage;
        long bandwidth = AnalyticalModel.BandwidthCycles(reads, writes, 1, dram);
        return new VectorLayerCost(reads, writes, ops, compute, Math.Max(compute, bandwidth),
            reads * dram.Energy.Read + writes * dram.Energy.Write, ops * (arch.Vector?.EnergyPerOp ?? arch.Mac.EnergyPerMac));
    }
}
