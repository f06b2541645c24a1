using AccelSim.Pipeline;
using AccelSim.Workloads;

namespace AccelSim.Plots;

/// <summary>
/// The layer classes the figures colour by (layers.csv's layer_class column): they differ in data reuse, which is what
/// makes MACs mispredict cost. Finer than the sweep's <see cref="Sweeps.LayerClass"/>: grouped convolutions (more than one
/// input channel per group) and attention matmuls are their own classes here.
/// </summary>
public static class FigureLayerClass
{
    public const string Dense = "dense conv", Pointwise = "pointwise", Depthwise = "depthwise", Grouped = "grouped conv",
        FullyConnected = "FC", Attention = "attention matmul", Vector = "element-wise/vector";

    /// <summary>Every class, in legend order.</summary>
    public static IReadOnlyList<string> All { get; } = [Dense, Pointwise, Depthwise, Grouped, FullyConnected, Attention, Vector];

    /// <summary>The class of a layer result.</summary>
    public static string Of(LayerResult layer) => Of(layer.Kind, layer.Problem, layer.Weights);

    /// <summary>
    /// The class of a layer of <paramref name="kind"/> with the given problem (null: no MACs) and weight count. A matmul of
    /// two activations (no weights: attention scores and context) is an attention matmul; a matmul against weights (Q/K/V
    /// and output projections, feed-forward layers) is a fully connected layer applied per token.
    /// </summary>
    public static string Of(LayerKind kind, ProblemShape? problem, long weights) => problem switch
    {
        null => Vector,
        _ when kind == LayerKind.MatMul && weights == 0 => Attention,
        _ when kind is LayerKind.FullyConnected or LayerKind.MatMul => FullyConnected,
        { G: > 1, C: 1 } => Depthwise,
        { G: > 1 } => Grouped,
        { R: 1, S: 1 } => Pointwise,
        _ => Dense,
    };

    /// <summary>For results folders written before layer_class existed: the class a kind and MAC count imply.</summary>
    public static string FromKind(string kind, double macs) => kind switch
    {
        _ when macs <= 0 => Vector,
        "fullyconnected" => FullyConnected,
        "matmul" => FullyConnected,
        _ => Dense,
    };
}
