using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// The cycle-level simulator (SPEC §5, docs/simulator.md): a second engine, independent of the analytical model, that
/// walks a mapping's tiles in execution order, moves data by box differences over links with finite bandwidth, and
/// reports total cycles with stalls attributed to the level and tensor that caused them. Its access counts equal
/// <see cref="Model.AnalyticalModel"/>'s exactly (tested).
/// </summary>
public static class CycleSimulator
{
    /// <summary>
    /// Most compute blocks one simulation walks (2^25, about 15 s at 2.4 M blocks/s); repeated loop bodies skipped in
    /// closed form do not count. A walk that has not ended by then stops with a <see cref="MappingException"/> instead of
    /// running for hours (docs/simulator.md).
    /// </summary>
    public const long MaxSteps = 1L << 25;

    /// <summary>Validates the mapping, then simulates it. Throws <see cref="MappingException"/> when invalid.</summary>
    public static SimulationResult Run(ProblemShape problem, Accelerator arch, LoopMapping mapping, SimulationOptions? options = null)
    {
        MappingValidator.Validate(problem, arch, mapping);
        return new SimulationEngine(problem, arch, mapping, options ?? new SimulationOptions()).Run();
    }
}
