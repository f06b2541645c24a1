namespace AccelSim.Architecture;

/// <summary>Energy of one word read from and one word written to a storage level, in the architecture's energy unit.</summary>
public sealed record AccessEnergy(double Read, double Write);
