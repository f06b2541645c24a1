namespace AccelSim.Workloads;

/// <summary>
/// The headline figures of a model as lecture tables quote them: conv and FC layer counts (matmuls count as FC: they are
/// the FC layers of a transformer), and weights and MACs of the MAC layers, biases excluded, at batch 1.
/// </summary>
public sealed record ModelSummary(string Model, int ConvLayers, int FcLayers, long ConvWeights, long FcWeights, long ConvMacs, long FcMacs)
{
    /// <summary>Conv + FC (+ matmul) weights.</summary>
    public long Weights => ConvWeights + FcWeights;

    /// <summary>Conv + FC (+ matmul) MACs.</summary>
    public long Macs => ConvMacs + FcMacs;

    /// <summary>Summarises <paramref name="model"/>.</summary>
    public static ModelSummary Of(ModelGraph model)
    {
        var conv = model.Layers.Where(l => l.Kind == LayerKind.Conv).ToList();
        var fc = model.Layers.Where(l => l.Kind is LayerKind.FullyConnected or LayerKind.MatMul).ToList();
        return new ModelSummary(model.Name, conv.Count, fc.Count,
            conv.Sum(l => l.Weights), fc.Sum(l => l.Weights), conv.Sum(l => l.Macs), fc.Sum(l => l.Macs));
    }
}
