namespace AccelSim.Plots;

/// <summary>Whether the series of a bar chart stand side by side or on top of each other.</summary>
public enum BarLayout
{
    /// <summary>One bar per series in each category, side by side.</summary>
    Grouped,
    /// <summary>One bar per category made of one segment per series; negative values are drawn as zero.</summary>
    Stacked,
}

/// <summary>One named series of a bar chart: a value per category, in category order.</summary>
/// <param name="Name">Shown in the legend.</param>
/// <param name="Values">One value per category; values that are not finite are not drawn.</param>
/// <param name="Tooltips">Optional extra text per category, written to the figure's CSV.</param>
/// <param name="Color">"#RRGGBB"; null takes the series' palette colour.</param>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<string>? Tooltips = null, string? Color = null);

/// <summary>A bar chart over named categories (e.g. layers in model order) with a linear value axis.</summary>
public sealed record BarChartSpec(
    string Title,
    IReadOnlyList<string> Categories,
    AxisSpec CategoryAxis,
    AxisSpec ValueAxis,
    IReadOnlyList<BarSeries> Series,
    BarLayout Layout = BarLayout.Grouped) : ChartSpec(Title)
{
    /// <summary>Bars run left to right with the categories down the y axis, first at the top: long layer names stay legible.</summary>
    public bool Horizontal { get; init; }

    /// <summary>
    /// The value axis is fitted to every category but the last, which is drawn anyway and may run off the scale: the
    /// "other N layers" aggregate would otherwise squash the layers the chart is about.
    /// </summary>
    public bool ScaleIgnoresLast { get; init; }
}
