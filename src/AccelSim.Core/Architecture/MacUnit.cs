namespace AccelSim.Architecture;

/// <summary>The multiply-accumulate unit: operand width and energy per MAC. Lanes per PE are the innermost level's fan-out.</summary>
public sealed record MacUnit(int Bits, double EnergyPerMac);
