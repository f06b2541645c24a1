namespace AccelSim.Plots.Svg;

/// <summary>
/// Rooflines on log-log axes: the bandwidth slope up to the ridge point, the flat compute roof after it, and the
/// points below. The axes always include the ridge so the bend of the roof is visible.
/// </summary>
internal static class RooflineRenderer
{
    private const string PeakColor = "#222222";
    private const string SlopeColor = "#D55E00";

    public static string Render(RooflineChartSpec spec)
    {
        var xAxis = spec.XAxis with { Scale = AxisScale.Log };
        var yAxis = spec.YAxis with { Scale = AxisScale.Log };
        bool valid = spec.PeakCompute > 0 && spec.Bandwidth > 0 && double.IsFinite(spec.PeakCompute) && double.IsFinite(spec.Bandwidth);
        double ridge = valid ? spec.PeakCompute / spec.Bandwidth : double.NaN;
        var legend = valid
            ? new List<LegendEntry> { new(spec.PeakLabel, PeakColor, SwatchKind.Line), new(spec.BandwidthLabel, SlopeColor, SwatchKind.Line) }
            : [];
        // Room around the ridge on x, and a little headroom above the roof on y.
        double[] extraX = valid ? [ridge / 8, ridge * 8] : [];
        double[] extraY = valid ? [spec.PeakCompute * 1.5] : [];
        var plot = PointPlot.Begin(spec with { XAxis = xAxis, YAxis = yAxis }, "roofline", xAxis, yAxis, spec.Series, legend, extraX, extraY);
        if (valid)
        {
            var w = plot.Writer;
            w.Start("g", ("class", "roof"), ("data-peak", SvgWriter.Data(spec.PeakCompute)), ("data-bandwidth", SvgWriter.Data(spec.Bandwidth)),
                ("data-ridge", SvgWriter.Data(ridge)));
            if (plot.ClipProportional(spec.Bandwidth, double.NegativeInfinity, ridge) is { } slope)
            {
                w.Start("line", ("class", "roof-bandwidth"), ("x1", SvgWriter.Num(slope.X1)), ("y1", SvgWriter.Num(slope.Y1)),
                    ("x2", SvgWriter.Num(slope.X2)), ("y2", SvgWriter.Num(slope.Y2)), ("stroke", SlopeColor), ("stroke-width", "2.5"));
                w.Title(spec.BandwidthLabel).End();
            }
            if (plot.Y.CanPlace(spec.PeakCompute) && spec.PeakCompute <= plot.Y.Axis.Max)
            {
                double x1 = plot.X.Map(Math.Max(ridge, plot.X.Axis.Min));
                double x2 = plot.X.Map(plot.X.Axis.Max);
                double py = plot.Y.Map(spec.PeakCompute);
                w.Start("line", ("class", "roof-peak"), ("x1", SvgWriter.Num(x1)), ("y1", SvgWriter.Num(py)), ("x2", SvgWriter.Num(x2)), ("y2", SvgWriter.Num(py)),
                    ("stroke", PeakColor), ("stroke-width", "2.5"));
                w.Title(spec.PeakLabel).End();
            }
            w.End();
        }
        plot.DrawMarkers(spec.Series, xAxis, yAxis);
        return plot.Finish();
    }
}
