using AccelSim.Common;

namespace AccelSim.Mapping.Search;

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
}
