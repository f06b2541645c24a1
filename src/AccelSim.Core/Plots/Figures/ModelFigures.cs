namespace AccelSim.Plots.Figures;

/// <summary>Every figure of a model run, in the order a report shows them.</summary>
public static class ModelFigures
{
    /// <summary>divergence, macs-vs-energy, macs-vs-latency, latency-breakdown, energy-by-level, energy-per-mac-by-class, roofline, and roofline-levels when the levels' bandwidths are known.</summary>
    public static IReadOnlyList<Figure> All(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null)
    {
        // Independent figures: drawn in parallel (rendering dominates), returned in report order.
        Func<Figure>[] builders =
        [
            () => DivergenceFigure.Build(layers, options),
            () => CostScatterFigures.MacsVsEnergy(layers, options),
            () => CostScatterFigures.MacsVsLatency(layers, options),
            () => LatencyBreakdownFigure.Build(layers, roofline, options),
            () => EnergyBreakdownFigures.ByLevel(layers, options),
            () => EnergyBreakdownFigures.PerMacByClass(layers, options),
            () => RooflineFigure.Build(layers, roofline, options),
            .. roofline.Levels.Count > 0 ? new Func<Figure>[] { () => LevelRooflineFigure.Build(layers, roofline, options) } : [],
        ];
        var figures = new Figure[builders.Length];
        Parallel.For(0, builders.Length, i => figures[i] = builders[i]());
        return figures;
    }

    /// <summary>Every figure's SVG, PNG and CSV, by file name.</summary>
    public static Dictionary<string, byte[]> Files(IEnumerable<Figure> figures) =>
        figures.SelectMany(f => f.Files()).ToDictionary(kv => kv.Key, kv => kv.Value);
}
