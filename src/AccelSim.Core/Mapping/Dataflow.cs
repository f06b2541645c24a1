using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// A dataflow as a set of constraints on mappings (SPEC §3), not a separate code path. The constraints name the dims that
/// may be unrolled across the X and Y of every fan-out, the dims allowed in the temporal loops of the PE level (the level
/// right below the PE-array fan-out; the others stay at outer levels, which is what makes a tensor "stationary"), which
/// tensors the PE level keeps, and dims that must be unrolled whole (row stationary: all filter rows down the array) or kept
/// whole inside the PE (row stationary: a filter row in the filter scratchpad).
/// </summary>
public sealed record Dataflow(
    string Name,
    string Description,
    IReadOnlyList<Dim> SpatialX,
    IReadOnlyList<Dim> SpatialY,
    IReadOnlyList<Dim> PeTemporal,
    TensorSet PeKeeps,
    IReadOnlyList<Dim> WholeOnY,
    IReadOnlyList<Dim> WholeAtPe)
{
    /// <summary>True when <paramref name="dim"/> may be unrolled across the given axis.</summary>
    public bool AllowsSpatial(Dim dim, bool y) => (y ? SpatialY : SpatialX).Contains(dim);
}
