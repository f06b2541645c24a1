namespace AccelSim.Simulation;

/// <summary>
/// How busy one storage level's ports were over the run (per instance): cycles its read port and its write port moved
/// words, the busier of the two as the level's busy time, the rest idle, and busy over total as bandwidth utilization.
/// </summary>
public sealed record LevelTimeline(string Level, double ReadBusyCycles, double WriteBusyCycles, long TotalCycles)
{
    /// <summary>Cycles the busier port was moving words.</summary>
    public double BusyCycles => Math.Max(ReadBusyCycles, WriteBusyCycles);

    /// <summary>Cycles neither port limit was reached by the busier port.</summary>
    public double IdleCycles => Math.Max(0, TotalCycles - BusyCycles);

    /// <summary>Busy cycles over total cycles (0 for a level with unbounded bandwidth).</summary>
    public double Utilization => TotalCycles == 0 ? 0 : BusyCycles / TotalCycles;
}
