namespace AccelSim.Plots;

/// <summary>Several series of points, each joined by a line in the order given; x linear or log.</summary>
public sealed record LineChartSpec(
    string Title,
    AxisSpec XAxis,
    AxisSpec YAxis,
    IReadOnlyList<PointSeries> Series) : ChartSpec(Title);
