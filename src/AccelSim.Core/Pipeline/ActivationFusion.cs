using AccelSim.Workloads;
using AccelSim.Workloads.Layers;

namespace AccelSim.Pipeline;

/// <summary>
/// Which activations run fused with the MAC layer before them, as accelerators apply ReLU-like functions to outputs on
/// their way to memory instead of writing and re-reading the feature map. An activation is fused when it is element-wise
/// (not LRN, softmax or layer norm, which need neighbouring elements), its only input is a MAC layer, and it is that
/// layer's only consumer (otherwise the raw outputs must be stored anyway).
/// </summary>
public static class ActivationFusion
{
    private static readonly HashSet<string> ElementWise = new(StringComparer.OrdinalIgnoreCase)
    {
        "relu", "relu6", "leakyrelu", "sigmoid", "hsigmoid", "tanh", "swish", "silu", "hswish", "gelu", "batchnorm", "identity",
    };

    /// <summary>The producer <paramref name="layer"/> is fused into, or null when it runs on its own.</summary>
    public static string? Producer(ModelGraph model, LayerNode layer)
    {
        if (layer.Layer is not ActivationLayer activation || !ElementWise.Contains(activation.Function)) return null;
        var producer = model.Find(activation.Input);
        if (producer is null || !producer.HasMacs) return null;
        return model.Graph.Successors(producer.Name).Count() == 1 ? producer.Name : null;
    }
}
