using AccelSim.Common;
using AccelSim.Mapping;

namespace AccelSim.Search;

/// <summary>What the mapper minimizes.</summary>
public enum Objective
{
    /// <summary>Total energy.</summary>
    Energy,
    /// <summary>Cycles (analytical, bandwidth-bound).</summary>
    Latency,
    /// <summary>Energy × cycles.</summary>
    Edp,
    /// <summary>
    /// Simulated cycles (the cycle-level simulator's): the analytical latency search, then every mapping whose analytical
    /// cycles do not exceed the best simulated is a candidate, simulated up to <see cref="MapperOptions.SimulationCap"/>
    /// (docs/mapper.md, "Simulated cycles").
    /// </summary>
    LatencySim,
}

/// <summary>Parsing of objective names.</summary>
public static class Objectives
{
    /// <summary>Parses energy | latency | edp | latency-sim (delay and cycles are accepted for latency).</summary>
    public static Objective Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "energy" => Objective.Energy,
        "latency" or "delay" or "cycles" => Objective.Latency,
        "edp" => Objective.Edp,
        "latency-sim" => Objective.LatencySim,
        _ => throw new InputException($"unknown objective '{text}' (expected energy, latency, edp or latency-sim)"),
    };

    /// <summary>
    /// The energy the energy and EDP objectives rank by: a mapping's access energy plus the architecture's background
    /// power (<see cref="Architecture.Accelerator.BackgroundEnergyPerCycle"/>) over its analytical cycles. Exactly the access
    /// energy (x + 0 = x) when the architecture declares none. Reports charge the background over the simulated cycles,
    /// known only once the mapping is chosen (docs/mapper.md, "Background power in the objective").
    /// </summary>
    internal static double TotalEnergy(double accessEnergy, long cycles, double backgroundPerCycle) =>
        accessEnergy + backgroundPerCycle * cycles;
}
