namespace AccelSim.Architecture;

/// <summary>A spatial fan-out below a storage level: X × Y children joined by a network.</summary>
public sealed record SpatialFanout(int X, int Y, NetworkSpec Network)
{
    /// <summary>Children per parent instance.</summary>
    public int Size => X * Y;
}
