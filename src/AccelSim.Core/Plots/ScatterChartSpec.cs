namespace AccelSim.Plots;

/// <summary>The line y = k·x, drawn across the plot to show where points would lie if y were proportional to x.</summary>
/// <param name="K">The slope; must be positive and finite to be drawn.</param>
/// <param name="Label">Legend text, e.g. "model average: 2.3 pJ/MAC".</param>
public sealed record ProportionalityLine(double K, string Label);

/// <summary>Points on two value axes, each linear or log, with an optional line of proportionality.</summary>
public sealed record ScatterChartSpec(
    string Title,
    AxisSpec XAxis,
    AxisSpec YAxis,
    IReadOnlyList<PointSeries> Series,
    ProportionalityLine? Proportionality = null) : ChartSpec(Title);
