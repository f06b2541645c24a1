using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// A bound no mapping can beat: every tensor's distinct words cross DRAM once (weights and inputs read, outputs written),
/// plus the MACs themselves. It charges no per-MAC operand access: a multicast fan-out lets one read feed many MACs
/// (an FC layer's weight read from DRAM serves every sample of the batch at once), and spatial reduction cuts partial-sum
/// writes below the MAC count, so no per-MAC storage term is a bound on every architecture. A tighter bound that still
/// holds everywhere (lanes, bypass, partitions, multicast) is the mapper-v3 work (docs/mapper.md).
/// </summary>
public static class EnergyLowerBound
{
    /// <summary>The bound in the architecture's energy unit.</summary>
    public static double Of(ProblemShape problem, Accelerator arch)
    {
        var dram = arch.Levels[0].Storage.Energy;
        double movement = (problem.TensorSize(TensorKind.Weights) + problem.TensorSize(TensorKind.Inputs)) * dram.Read
            + problem.TensorSize(TensorKind.Outputs) * dram.Write;
        return movement + problem.Macs * arch.Mac.EnergyPerMac;
    }
}
