namespace AccelSim.Architecture;

/// <summary>A storage level with the spatial fan-out below it (null when it feeds one child or the MAC directly).</summary>
public sealed record ArchLevel(StorageLevel Storage, SpatialFanout? Fanout)
{
    /// <summary>The level's name.</summary>
    public string Name => Storage.Name;

    /// <summary>X extent of the fan-out below (1 without a fan-out).</summary>
    public int FanoutX => Fanout?.X ?? 1;

    /// <summary>Y extent of the fan-out below (1 without a fan-out).</summary>
    public int FanoutY => Fanout?.Y ?? 1;
}
