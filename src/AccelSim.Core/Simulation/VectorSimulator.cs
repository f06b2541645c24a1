using AccelSim.Architecture;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// Layers without MACs (SPEC §1): every input element is read from DRAM once and every output element written once,
/// staged through the first on-chip level (if the architecture has one); the vector unit performs the layer's element
/// operations at its lanes per cycle (one lane without a vector unit). Streaming overlaps the two, so the layer takes
/// the longer of the vector time and DRAM's bandwidth-bound time.
/// </summary>
public static class VectorSimulator
{
    /// <summary>Costs <paramref name="layer"/> for <paramref name="batch"/> items; throws for a layer with MACs.</summary>
    public static VectorResult Run(LayerNode layer, Accelerator arch, int batch = 1)
    {
        if (layer.HasMacs) throw new ArgumentException($"layer '{layer.Name}' has MACs; simulate it with {nameof(CycleSimulator)}");
        if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), "batch must be positive");
        long reads = layer.InputActivations * batch, writes = layer.OutputActivations * batch, ops = layer.VectorOps * batch;
        int lanes = arch.Vector?.Lanes ?? 1;
        long vectorCycles = (ops + lanes - 1) / lanes;

        var dram = arch.Levels[0].Storage;
        long dramCycles = AnalyticalModel.BandwidthCycles(reads, writes, 1, dram);
        double dramEnergy = reads * dram.Energy.Read + writes * dram.Energy.Write;

        // The buffer receives the inputs and serves them to the vector unit, then holds the outputs until written back.
        long bufferReads = 0, bufferWrites = 0;
        double bufferEnergy = 0;
        if (arch.Levels.Count > 1)
        {
            var buffer = arch.Levels[1].Storage;
            bufferReads = reads + writes;
            bufferWrites = reads + writes;
            bufferEnergy = bufferReads * buffer.Energy.Read + bufferWrites * buffer.Energy.Write;
        }
        // Without a vector unit the ops run one per cycle on a MAC lane, at the MAC's energy.
        double vectorEnergy = ops * (arch.Vector?.EnergyPerOp ?? arch.Mac.EnergyPerMac);
        return new VectorResult(Math.Max(vectorCycles, dramCycles), vectorCycles, dramCycles, ops, reads, writes,
            bufferReads, bufferWrites, dramEnergy, bufferEnergy, vectorEnergy);
    }
}
