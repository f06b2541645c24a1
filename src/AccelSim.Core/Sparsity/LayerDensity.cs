using AccelSim.Workloads;

namespace AccelSim.Sparsity;

/// <summary>
/// Fractions of non-zero words of one layer's tensors (Sparseloop's density; 1 = dense). Outputs' density is that of the
/// layer's final values (after its fused activation), which is what leaves the chip.
/// </summary>
public sealed record LayerDensity(double Weights = 1, double Inputs = 1, double Outputs = 1)
{
    /// <summary>Every tensor dense.</summary>
    public static LayerDensity Dense { get; } = new();

    /// <summary>The density of <paramref name="tensor"/>.</summary>
    public double Of(TensorKind tensor) => tensor switch
    {
        TensorKind.Weights => Weights,
        TensorKind.Inputs => Inputs,
        _ => Outputs,
    };
}
