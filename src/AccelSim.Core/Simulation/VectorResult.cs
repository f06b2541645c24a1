namespace AccelSim.Simulation;

/// <summary>
/// Cost of a layer without MACs (pooling, element-wise add, concat, shuffle, scale, activation): cycles as the larger of
/// the vector unit's time and DRAM's time, the words moved through DRAM and the on-chip buffer, and the energy of those
/// accesses and of the vector operations (in the architecture's energy unit).
/// </summary>
public sealed record VectorResult(
    long Cycles, long VectorCycles, long DramCycles, long VectorOps,
    long DramReads, long DramWrites, long BufferReads, long BufferWrites,
    double DramEnergy, double BufferEnergy, double VectorEnergy)
{
    /// <summary>All energy of the layer.</summary>
    public double TotalEnergy => DramEnergy + BufferEnergy + VectorEnergy;

    /// <summary>True when DRAM, not the vector unit, sets the time.</summary>
    public bool DramBound => DramCycles > VectorCycles;
}
