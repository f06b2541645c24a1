namespace AccelSim.Workloads;

/// <summary>Every kind of layer the workload model knows. The YAML name of each is its lower-case form.</summary>
public enum LayerKind
{
    Input,
    Conv,
    FullyConnected,
    MatMul,
    MaxPool,
    AvgPool,
    GlobalAvgPool,
    Add,
    Concat,
    ChannelShuffle,
    Scale,
    Activation,
    /// <summary>A channel range of one tensor (ShuffleNet v2's channel split); appended last so existing values keep their numbers.</summary>
    Slice,
}
