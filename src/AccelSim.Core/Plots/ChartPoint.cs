namespace AccelSim.Plots;

/// <summary>One point of a scatter, line or roofline chart.</summary>
/// <param name="X">Position on the x axis.</param>
/// <param name="Y">Position on the y axis.</param>
/// <param name="Label">What the point is (e.g. a layer name); written to the figure's CSV.</param>
/// <param name="Tooltip">Optional extra text about the point, written to the figure's CSV.</param>
public sealed record ChartPoint(double X, double Y, string Label, string? Tooltip = null)
{
    /// <summary>True when the label is drawn next to the point (the outliers a figure explains), not only written to the CSV.</summary>
    public bool Annotated { get; init; }
}

/// <summary>A named set of points drawn with one colour and marker (and, in a line chart, joined in the given order).</summary>
/// <param name="Name">Shown in the legend.</param>
/// <param name="Points">The points.</param>
/// <param name="Style">Colour and marker; null takes the next palette colour and a circle.</param>
public sealed record PointSeries(string Name, IReadOnlyList<ChartPoint> Points, SeriesStyle? Style = null);
