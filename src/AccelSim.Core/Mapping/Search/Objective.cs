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
}

/// <summary>Parsing of objective names.</summary>
public static class Objectives
{
    /// <summary>Parses energy | latency | edp (delay and cycles are accepted for latency).</summary>
    public static Objective Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "energy" => Objective.Energy,
        "latency" or "delay" or "cycles" => Objective.Latency,
        "edp" => Objective.Edp,
        _ => throw new InputException($"unknown objective '{text}' (expected energy, latency or edp)"),
    };
}
