
namespace AccelSim.Plots.Figures;

/// <summary>
/// One colour (Okabe–Ito) and one marker per layer class, the same in every figure, so depthwise layers look the same in
/// the energy scatter, the latency scatter and the roofline.
/// </summary>
public static class LayerClassStyles
{
    private static readonly Dictionary<string, SeriesStyle> Styles = new(StringComparer.Ordinal)
    {
        [FigureLayerClass.Dense] = new(Palette.Colors[0], MarkerKind.Circle),
        [FigureLayerClass.Pointwise] = new(Palette.Colors[1], MarkerKind.Square),
        [FigureLayerClass.Depthwise] = new(Palette.Colors[2], MarkerKind.TriangleUp),
        [FigureLayerClass.Grouped] = new(Palette.Colors[3], MarkerKind.Diamond),
        [FigureLayerClass.FullyConnected] = new(Palette.Colors[4], MarkerKind.TriangleDown),
        [FigureLayerClass.Attention] = new(Palette.Colors[5], MarkerKind.Asterisk),
        [FigureLayerClass.Vector] = new(Palette.Colors[7], MarkerKind.Cross),
    };

    /// <summary>The style of <paramref name="layerClass"/>; unknown classes are grey open circles.</summary>
    public static SeriesStyle Of(string layerClass) => Styles.GetValueOrDefault(layerClass) ?? new SeriesStyle(Palette.Colors[8], MarkerKind.OpenCircle);

    /// <summary>Layers grouped by class, classes in legend order (unknown ones last, by name).</summary>
    public static IEnumerable<IGrouping<string, LayerFigureData>> ByClass(IEnumerable<LayerFigureData> layers) =>
        layers.GroupBy(l => l.Class).OrderBy(g => Order(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal);

    private static int Order(string layerClass)
    {
        int i = FigureLayerClass.All.ToList().IndexOf(layerClass);
        return i < 0 ? int.MaxValue : i;
    }
}
