using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>
/// What the simulated pick did (docs/mapper.md, "Simulated cycles"): how many candidates the walk met (mappings tied with
/// the best objective, or under latency-sim every mapping whose analytical cycles were within the window), how many were
/// simulated, skipped because their analytical cycles already reached the best simulated (exact), left out by
/// <see cref="MapperOptions.SimulationCap"/>, or too long to simulate (<see cref="Simulation.CycleSimulator.MaxSteps"/>);
/// whether the pick is proven the fastest of them, and its simulated cycles.
/// </summary>
public sealed record SimulatedPickStats(long Candidates, long Simulated, long Skipped, long Capped, long TooLong, bool Proven, long WinnerCycles)
{
    /// <summary>latency-sim only: the analytical-cycles window of its second walk (the first walk's simulated cycles).</summary>
    public long? Window { get; init; }
}
