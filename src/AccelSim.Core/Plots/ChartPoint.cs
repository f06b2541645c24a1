namespace AccelSim.Plots;

/// <summary>One point of a scatter, line or roofline chart.</summary>
/// <param name="X">Position on the x axis.</param>
/// <param name="Y">Position on the y axis.</param>
/// <param name="Label">What the point is (e.g. a layer name); carried in the tooltip and a data attribute.</param>
/// <param name="Tooltip">Optional extra text for the tooltip, which always carries the exact coordinates.</param>
public sealed record ChartPoint(double X, double Y, string Label, string? Tooltip = null);

/// <summary>A named set of points drawn with one colour and marker (and, in a line chart, joined in the given order).</summary>
public sealed record PointSeries(string Name, IReadOnlyList<ChartPoint> Points);
