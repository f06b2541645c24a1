namespace AccelSim.Plots.Svg;

/// <summary>Scatter charts: markers per series and, optionally, the dashed line y = k·x (straight at 45° on log-log axes).</summary>
internal static class ScatterRenderer
{
    public const string LineColor = "#555555";

    public static string Render(ScatterChartSpec spec)
    {
        var line = spec.Proportionality is { K: > 0 and var k } p && double.IsFinite(k) ? p : null;
        var legend = line is null ? new List<LegendEntry>() : [new LegendEntry(line.Label, LineColor, SwatchKind.DashedLine)];
        var plot = PointPlot.Begin(spec, "scatter", spec.XAxis, spec.YAxis, spec.Series, legend, [], []);
        if (line is not null && plot.ClipProportional(line.K, double.NegativeInfinity, double.PositiveInfinity) is { } seg)
        {
            plot.Writer.Empty("line", ("class", "proportionality"), ("data-k", SvgWriter.Data(line.K)),
                ("x1", SvgWriter.Num(seg.X1)), ("y1", SvgWriter.Num(seg.Y1)), ("x2", SvgWriter.Num(seg.X2)), ("y2", SvgWriter.Num(seg.Y2)),
                ("stroke", LineColor), ("stroke-width", "1.5"), ("stroke-dasharray", "6 4"));
        }
        plot.DrawMarkers(spec.Series, spec.XAxis, spec.YAxis);
        return plot.Finish();
    }
}
