using AccelSim.Mapping;
using AccelSim.Mapping.Search;

namespace AccelSim.Pipeline;

/// <summary>How a model is evaluated: dataflow (null = the architecture's first), mapper options, batch size, and mappings to
/// replay instead of searching.</summary>
public sealed record ModelRunOptions
{
    public Dataflow? Dataflow { get; init; }
    public MapperOptions Mapper { get; init; } = new();
    public int Batch { get; init; } = 1;
    /// <summary>Mappings to replay instead of searching (<c>run --mappings</c>), or null to search every layer.</summary>
    public MappingReplay? Replay { get; init; }
    /// <summary>Per-layer densities (<c>run --densities</c>) for the architecture's sparse optimizations, or null: dense.</summary>
    public Sparsity.LayerDensities? Densities { get; init; }
}
