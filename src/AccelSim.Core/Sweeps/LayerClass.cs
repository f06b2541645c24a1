using AccelSim.Pipeline;
using AccelSim.Workloads;

namespace AccelSim.Sweeps;

/// <summary>
/// Coarse layer classes for sweep aggregates: dense convolutions with a kernel larger than 1x1 (grouped ones with more than one
/// input channel per group included), pointwise (1x1, one group), depthwise (one input channel per group), fully connected and
/// matmul, and vector layers (no MACs). They differ in reuse, which is what a sweep over array and buffer sizes exposes.
/// </summary>
public static class LayerClass
{
    /// <summary>The classes in column order.</summary>
    public static IReadOnlyList<string> All { get; } = ["dense", "pointwise", "depthwise", "fc", "vector"];

    /// <summary>The class of a layer result.</summary>
    public static string Of(LayerResult layer) => layer.Problem switch
    {
        null => "vector",
        _ when layer.Kind is LayerKind.FullyConnected or LayerKind.MatMul => "fc",
        { G: > 1, C: 1 } => "depthwise",
        { G: 1, R: 1, S: 1 } => "pointwise",
        _ => "dense",
    };
}
