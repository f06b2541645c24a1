namespace AccelSim.Plots.Figures;

/// <summary>Every figure of a model run, in the order a report shows them, and writing them to a folder.</summary>
public static class ModelFigures
{
    /// <summary>divergence, energy-by-level, energy-by-tensor, macs-vs-energy, macs-vs-latency, roofline.</summary>
    public static IReadOnlyList<Figure> All(IReadOnlyList<LayerFigureData> layers, RooflineData roofline, FigureOptions? options = null,
        IChartRenderer? renderer = null) =>
    [
        DivergenceFigure.Build(layers, options, renderer),
        EnergyBreakdownFigures.ByLevel(layers, options, renderer),
        EnergyBreakdownFigures.ByTensor(layers, options, renderer),
        CostScatterFigures.MacsVsEnergy(layers, options, renderer),
        CostScatterFigures.MacsVsLatency(layers, options, renderer),
        RooflineFigure.Build(layers, roofline, options, renderer),
    ];

    /// <summary>Writes each figure to <paramref name="directory"/> (created if missing) under its file name; returns the paths.</summary>
    public static IReadOnlyList<string> Write(string directory, IEnumerable<Figure> figures)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var figure in figures)
        {
            string path = Path.Combine(directory, figure.FileName);
            File.WriteAllText(path, figure.Svg, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            paths.Add(path);
        }
        return paths;
    }
}
