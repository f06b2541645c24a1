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
/// <param name="Tooltips">Optional extra text per category for the bar's tooltip (which always carries the exact value).</param>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<string>? Tooltips = null);

/// <summary>A bar chart over named categories (e.g. layers in model order) with a linear value axis.</summary>
public sealed record BarChartSpec(
    string Title,
    IReadOnlyList<string> Categories,
    AxisSpec CategoryAxis,
    AxisSpec ValueAxis,
    IReadOnlyList<BarSeries> Series,
    BarLayout Layout = BarLayout.Grouped) : ChartSpec(Title)
{
    /// <summary>The chart never widens beyond this; past it category labels are thinned instead.</summary>
    public int MaxWidth { get; init; } = 4000;
}
