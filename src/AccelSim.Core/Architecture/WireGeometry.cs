namespace AccelSim.Architecture;

/// <summary>
/// The physical size of a fan-out's array, which prices its network by distance (docs/energy.md, "Network energy by
/// topology"): <paramref name="PePitchMm"/> is the distance between neighbouring children (one hop of a systolic link),
/// <paramref name="PicojoulesPerBitMm"/> the energy of moving one bit one millimetre of on-chip wire.
/// </summary>
public sealed record WireGeometry(double PePitchMm, double PicojoulesPerBitMm);
