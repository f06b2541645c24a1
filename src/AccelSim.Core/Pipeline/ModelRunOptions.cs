using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Workloads;

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
    /// <summary>A fixed mapping per layer instead of a search (<c>run --scalesim</c>: SCALE-Sim's), or null to search.</summary>
    public FixedMapping? Fixed { get; init; }
    /// <summary>Per-layer densities (<c>run --densities</c>) for the architecture's sparse optimizations, or null: dense.</summary>
    public Sparsity.LayerDensities? Densities { get; init; }
}

/// <summary>A rule that writes every layer's mapping (no search), and the name results give it, e.g. "scalesim-ws".</summary>
public sealed record FixedMapping(string Name, Func<ProblemShape, LoopMapping> Write);
