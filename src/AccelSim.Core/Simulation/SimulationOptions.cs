namespace AccelSim.Simulation;

/// <summary>How <see cref="CycleSimulator"/> runs: whether it keeps a transfer trace, and how long that trace may grow.</summary>
public sealed record SimulationOptions
{
    /// <summary>Record every transfer (up to <see cref="MaxTraceRows"/>) for <see cref="SimulationResult.TraceCsv"/>.</summary>
    public bool Trace { get; init; }

    /// <summary>Trace rows kept; later transfers are still simulated but not recorded, so a long run cannot exhaust memory.</summary>
    public int MaxTraceRows { get; init; } = 10_000;
}
