namespace AccelSim.Plots.Figures;

/// <summary>Settings shared by the model figures.</summary>
/// <param name="ModelName">Names the model in titles and the per-model bar.</param>
/// <param name="EnergyUnit">Unit of the energies in <see cref="LayerFigureData"/>; "pJ" unless the energy table is normalized.</param>
public sealed record FigureOptions(string ModelName = "model", string EnergyUnit = "pJ")
{
    /// <summary>The defaults.</summary>
    public static FigureOptions Default { get; } = new();
}
