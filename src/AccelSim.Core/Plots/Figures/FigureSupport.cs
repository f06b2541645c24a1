namespace AccelSim.Plots.Figures;

/// <summary>Small pieces the figure builders share: rendering a spec into a figure and ordered grouping by kind.</summary>
internal static class FigureSupport
{
    public static Figure Render(string fileName, ChartSpec spec, IChartRenderer? renderer) =>
        new(fileName, spec.Title, (renderer ?? Svg.SvgChartRenderer.Instance).Render(spec), spec);

    /// <summary>Layers grouped by kind, groups in first-seen order so colours follow the model's structure.</summary>
    public static IEnumerable<IGrouping<string, LayerFigureData>> ByKind(IEnumerable<LayerFigureData> layers) =>
        layers.GroupBy(l => string.IsNullOrEmpty(l.Kind) ? "other" : l.Kind);

    /// <summary>Keys of all dictionaries, in first-seen order.</summary>
    public static IReadOnlyList<string> Keys(IEnumerable<IReadOnlyDictionary<string, double>> maps)
    {
        var seen = new HashSet<string>();
        var keys = new List<string>();
        foreach (var map in maps)
        {
            foreach (string key in map.Keys)
            {
                if (seen.Add(key)) keys.Add(key);
            }
        }
        return keys;
    }

    public static double Share(double part, double total) => total > 0 ? part / total * 100.0 : 0;
}
