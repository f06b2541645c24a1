namespace AccelSim.Simulation;

/// <summary>How <see cref="CycleSimulator"/> runs: whether it keeps a transfer trace, and how long that trace may grow.</summary>
public sealed record SimulationOptions
{
    /// <summary>Record every transfer (up to <see cref="MaxTraceRows"/>) for <see cref="SimulationResult.TraceCsv"/>.</summary>
    public bool Trace { get; init; }

    /// <summary>Trace rows kept; later transfers are still simulated but not recorded, so a long run cannot exhaust memory.</summary>
    public int MaxTraceRows { get; init; } = 10_000;

    /// <summary>Walk every compute block, without skipping repeated loop bodies (SimulationEngine.Repeats.cs): the
    /// reference the skipping is tested against.</summary>
    internal bool WalkEveryBody { get; init; }

    /// <summary>Most compute blocks walked one by one before the run stops (<see cref="CycleSimulator.MaxSteps"/>).</summary>
    internal long MaxWalkedBlocks { get; init; } = CycleSimulator.MaxSteps;
}
