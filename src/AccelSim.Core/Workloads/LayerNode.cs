namespace AccelSim.Workloads;

/// <summary>
/// A layer placed in a model: its producers' shapes resolved, its output shape inferred, its MAC nest (if any) at batch 1,
/// and the figures every report starts from. Counts are 64-bit.
/// </summary>
public sealed record LayerNode(Layer Layer, IReadOnlyList<FeatureMap> InputShapes, FeatureMap Output, ProblemShape? Problem)
{
    /// <summary>The layer's name.</summary>
    public string Name => Layer.Name;

    /// <summary>The layer's kind.</summary>
    public LayerKind Kind => Layer.Kind;

    /// <summary>True for layers computed by the MAC array (conv, FC, matmul).</summary>
    public bool HasMacs => Problem is not null;

    /// <summary>MACs per batch item.</summary>
    public long Macs => Problem?.Macs ?? 0;

    /// <summary>Trainable weights, biases excluded.</summary>
    public long Weights => Layer.WeightCount(InputShapes);

    /// <summary>Activation elements read per batch item (all producers; an activation matmul operand counts here).</summary>
    public long InputActivations => InputShapes.Sum(s => s.Elements);

    /// <summary>Activation elements written per batch item.</summary>
    public long OutputActivations => Output.Elements;

    /// <summary>Vector-unit element operations per batch item for layers without MACs.</summary>
    public long VectorOps => Layer.VectorOps(InputShapes, Output);
}
