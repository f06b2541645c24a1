namespace AccelSim.Architecture;

/// <summary>The unit that runs layers without MACs (pooling, element-wise, concat): lanes per cycle and energy per op.</summary>
public sealed record VectorUnit(int Lanes, double EnergyPerOp);
