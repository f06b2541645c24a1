using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>Cycles the MAC array waited because of one level and tensor (docs/simulator.md, "Stall attribution").</summary>
public sealed record StallRecord(int LevelIndex, string Level, TensorKind Tensor, double Cycles);
