using AccelSim.Architecture.Constraints;

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

    /// <summary>The level's own mapping constraints (its <c>constraints:</c> block, and a <c>--constraints</c> file's).</summary>
    public LevelConstraints Constraints { get; init; } = LevelConstraints.None;

    /// <summary>The role the file gives the level (<c>role: pe</c>), or null to derive it from the structure (<see cref="LevelRoles"/>).</summary>
    public LevelRole? Role { get; init; }
}
