using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Mapping.Search;

/// <summary>
/// A bound no mapping can beat: every tensor's distinct words cross DRAM once (weights and inputs read, outputs written),
/// and every MAC reads two operands and updates one partial sum at the innermost level, plus the MAC itself.
/// </summary>
public static class EnergyLowerBound
{
    /// <summary>The bound in the architecture's energy unit.</summary>
    public static double Of(ProblemShape problem, Accelerator arch)
    {
        var dram = arch.Levels[0].Storage.Energy;
        var inner = arch.Levels[^1].Storage.Energy;
        double movement = (problem.TensorSize(TensorKind.Weights) + problem.TensorSize(TensorKind.Inputs)) * dram.Read
            + problem.TensorSize(TensorKind.Outputs) * dram.Write;
        double perMac = arch.Mac.EnergyPerMac + 2 * inner.Read + inner.Write;
        return movement + problem.Macs * perMac;
    }
}
