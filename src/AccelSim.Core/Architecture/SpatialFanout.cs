namespace AccelSim.Architecture;

/// <summary>A spatial fan-out below a storage level: X × Y children joined by a network.</summary>
public sealed record SpatialFanout(int X, int Y, NetworkSpec Network)
{
    /// <summary>Children per parent instance.</summary>
    public int Size => X * Y;

    /// <summary>
    /// The children form a systolic array: operands enter at the edges and ripple from neighbour to neighbour, so every
    /// pass of a tile through the array pays a pipeline fill and drain of X + Y − 2 cycles (docs/simulator.md).
    /// </summary>
    public bool Systolic { get; init; }
}
