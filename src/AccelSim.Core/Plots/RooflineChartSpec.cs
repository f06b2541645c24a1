namespace AccelSim.Plots;

/// <summary>
/// A roofline: attainable throughput is min(peak, bandwidth × intensity), drawn on log-log axes with points placed at
/// their (intensity, achieved throughput). The axes' <see cref="AxisSpec.Scale"/> is ignored: rooflines are log-log.
/// </summary>
/// <param name="Title">Drawn at the top of the chart.</param>
/// <param name="XAxis">Operational intensity, e.g. MACs per DRAM word.</param>
/// <param name="YAxis">Throughput, e.g. MACs per cycle.</param>
/// <param name="PeakCompute">The flat compute roof, in y units.</param>
/// <param name="Bandwidth">The slope of the bandwidth roof: y units per x unit (e.g. DRAM words per cycle); 0 for none.</param>
/// <param name="Series">The points, e.g. one per layer, grouped by layer kind.</param>
/// <param name="PeakLabel">Legend text of the flat roof.</param>
/// <param name="BandwidthLabel">Legend text of the sloped roof.</param>
public sealed record RooflineChartSpec(
    string Title,
    AxisSpec XAxis,
    AxisSpec YAxis,
    double PeakCompute,
    double Bandwidth,
    IReadOnlyList<PointSeries> Series,
    string PeakLabel = "compute roof",
    string BandwidthLabel = "bandwidth roof") : ChartSpec(Title)
{
    /// <summary>More sloped roofs (one per storage level in a hierarchical roofline), each in its own colour.</summary>
    public IReadOnlyList<Roof> Roofs { get; init; } = [];
}

/// <summary>A bandwidth roof: y units per x unit, with its legend text and colour.</summary>
public sealed record Roof(string Label, double Bandwidth, string Color);
