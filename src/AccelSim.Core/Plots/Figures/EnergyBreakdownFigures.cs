namespace AccelSim.Plots.Figures;

/// <summary>
/// energy-by-level.svg (stacked bars per layer by storage level, network and MAC) and energy-by-tensor.svg (one
/// stacked bar for the whole model by tensor): where the energy goes.
/// </summary>
public static class EnergyBreakdownFigures
{
    public const string ByLevelFileName = "energy-by-level.svg";
    public const string ByTensorFileName = "energy-by-tensor.svg";

    /// <summary>Stacked bars, one per layer in model order, one segment per level key (missing keys count as zero).</summary>
    public static BarChartSpec ByLevelSpec(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var levels = FigureSupport.Keys(layers.Select(l => l.EnergyByLevelPj));
        var series = levels.Select(level => new BarSeries(
            level,
            layers.Select(l => l.EnergyByLevelPj.GetValueOrDefault(level)).ToArray(),
            layers.Select(l => $"{NumberText.Percent(FigureSupport.Share(l.EnergyByLevelPj.GetValueOrDefault(level), l.EnergyPj))} of the layer's energy").ToArray()))
            .ToArray();
        return new BarChartSpec(
            $"Energy by storage level, per layer of {options.ModelName}",
            layers.Select(l => l.Layer).ToArray(),
            new AxisSpec("layer (model order)"),
            new AxisSpec("energy", options.EnergyUnit),
            series,
            BarLayout.Stacked)
        {
            Note = "Each bar is one layer's energy split by where it is spent: storage levels, networks and the MACs themselves.",
        };
    }

    /// <summary>One stacked bar for the whole model, one segment per tensor.</summary>
    public static BarChartSpec ByTensorSpec(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null)
    {
        options ??= FigureOptions.Default;
        var tensors = FigureSupport.Keys(layers.Select(l => l.EnergyByTensorPj));
        double total = layers.Sum(l => l.EnergyByTensorPj.Values.Sum());
        var series = tensors.Select(tensor =>
        {
            double sum = layers.Sum(l => l.EnergyByTensorPj.GetValueOrDefault(tensor));
            return new BarSeries(tensor, [sum], [$"{NumberText.Percent(FigureSupport.Share(sum, total))} of the model's storage energy"]);
        }).ToArray();
        return new BarChartSpec(
            $"Storage energy by tensor, {options.ModelName}",
            [options.ModelName],
            new AxisSpec("model"),
            new AxisSpec("energy", options.EnergyUnit),
            series,
            BarLayout.Stacked)
        {
            Note = "Storage energy of the whole model split by the tensor moved.",
            Width = 560,
        };
    }

    public static Figure ByLevel(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null, IChartRenderer? renderer = null) =>
        FigureSupport.Render(ByLevelFileName, ByLevelSpec(layers, options), renderer);

    public static Figure ByTensor(IReadOnlyList<LayerFigureData> layers, FigureOptions? options = null, IChartRenderer? renderer = null) =>
        FigureSupport.Render(ByTensorFileName, ByTensorSpec(layers, options), renderer);
}
