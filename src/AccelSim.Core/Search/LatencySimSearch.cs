using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// The latency-sim objective (docs/mapper.md, "Simulated cycles"): fewest cycles in the cycle-level simulator. Two walks
/// of the same space. The first is the analytical latency search with its simulated tie-break: its pick simulates in W
/// cycles. The simulator never reports fewer cycles than a perfectly factorized mapping's analytical cycles, so only
/// mappings with at most W analytical cycles can beat it; the second walk collects exactly those (branch and bound
/// against W instead of the best found) and simulates them fewest analytical cycles first, up to
/// <see cref="MapperOptions.SimulationCap"/>, skipping any whose bound on the simulated cycles reaches the best simulated.
/// The faster of the two picks is returned: it simulates in at most W cycles, and is proven the fastest of the walked
/// space when nothing was left out by the cap (<see cref="SimulatedPickStats.Proven"/>).
/// </summary>
internal static class LatencySimSearch
{
    public static MapperResult Search(ProblemShape problem, Accelerator arch, Dataflow dataflow, MapperOptions options)
    {
        var latency = options with { Objective = Objective.Latency, SimulationCap = options.SimulationCap > 0 ? options.SimulationCap : MapperOptions.DefaultSimulationCap };
        var first = Mapper.Search(problem, arch, dataflow, latency);
        if (first.Stats.Simulation is not { WinnerCycles: > 0 } tied) return first; // nothing simulable: the analytical pick
        var second = Mapper.Search(problem, arch, dataflow, latency with { CollectWindow = tied.WinnerCycles });
        var s1 = first.Stats;
        var s2 = second.Stats;
        // The second walk covers the search's declared space; the first pick may lie outside it (the tie re-walk drops the
        // dominated-tiling skip), so the faster of the two wins, the first on equal cycles.
        bool secondFaster = s2.Simulation!.WinnerCycles > 0 && s2.Simulation.WinnerCycles < tied.WinnerCycles;
        var pick = s2.Simulation with
        {
            Simulated = s2.Simulation.Simulated + tied.Simulated,
            Window = tied.WinnerCycles,
            WinnerCycles = secondFaster ? s2.Simulation.WinnerCycles : tied.WinnerCycles,
        };
        var stats = s2 with
        {
            Factorizations = s1.Factorizations + s2.Factorizations,
            CapacityPruned = s1.CapacityPruned + s2.CapacityPruned,
            DominatedSkipped = s1.DominatedSkipped + s2.DominatedSkipped,
            Evaluations = s1.Evaluations + s2.Evaluations,
            BoundPruned = s1.BoundPruned + s2.BoundPruned,
            TiesCut = s1.TiesCut + s2.TiesCut,
            MovedInward = s1.MovedInward + s2.MovedInward,
            UnrollingsCut = s1.UnrollingsCut + s2.UnrollingsCut,
            Elapsed = s1.Elapsed + s2.Elapsed,
            Simulation = pick,
        };
        return (secondFaster ? second : first) with { Stats = stats };
    }
}
