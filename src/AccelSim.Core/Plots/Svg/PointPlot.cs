using AccelSim.Plots.Axes;

namespace AccelSim.Plots.Svg;

/// <summary>
/// What scatter, line and roofline charts share: axes fitted to the placeable points (plus any extra extents a
/// reference line needs), the frame, and one marker per point as its own element with a tooltip and data attributes.
/// Points that cannot be placed (not finite, or not positive on a log axis) are left out and counted in the note.
/// </summary>
internal sealed class PointPlot
{
    private PointPlot(ChartFrame frame, Scale x, Scale y, SvgWriter writer)
    {
        Frame = frame;
        X = x;
        Y = y;
        Writer = writer;
    }

    public ChartFrame Frame { get; }
    public Scale X { get; }
    public Scale Y { get; }
    public SvgWriter Writer { get; }

    /// <summary>Lays out and starts the chart: frame, grid, axes. Returns the plot ready for lines and markers.</summary>
    public static PointPlot Begin(ChartSpec spec, string kind, AxisSpec xAxis, AxisSpec yAxis, IReadOnlyList<PointSeries> series,
        IReadOnlyList<LegendEntry> extraLegend, IEnumerable<double> extraX, IEnumerable<double> extraY)
    {
        bool xLog = xAxis.Scale == AxisScale.Log;
        bool yLog = yAxis.Scale == AxisScale.Log;
        var placeable = series.SelectMany(s => s.Points).Where(p => Placeable(p.X, xLog) && Placeable(p.Y, yLog)).ToList();
        var xs = placeable.Select(p => p.X).Concat(extraX.Where(v => Placeable(v, xLog))).ToList();
        var ys = placeable.Select(p => p.Y).Concat(extraY.Where(v => Placeable(v, yLog))).ToList();
        var xTicks = NiceTicks.For(xAxis.Scale, xs.DefaultIfEmpty(xLog ? 1 : 0).Min(), xs.DefaultIfEmpty(xLog ? 10 : 1).Max());
        var yTicks = NiceTicks.For(yAxis.Scale, ys.DefaultIfEmpty(yLog ? 1 : 0).Min(), ys.DefaultIfEmpty(yLog ? 10 : 1).Max());

        int left = series.Sum(s => s.Points.Count) - placeable.Count;
        if (left > 0)
        {
            string why = xLog || yLog ? "zero, negative or undefined values cannot be placed on a log axis" : "undefined values";
            string omitted = $"{left} point{(left == 1 ? "" : "s")} not shown ({why}).";
            spec = spec with { Note = string.IsNullOrWhiteSpace(spec.Note) ? omitted : spec.Note + " " + omitted };
        }

        // A series with nothing placeable keeps its colour slot but gets no legend entry: it would name nothing on the plot.
        var legend = series.Select((s, i) => (s, i))
            .Where(x => x.s.Points.Any(p => Placeable(p.X, xLog) && Placeable(p.Y, yLog)))
            .Select(x => new LegendEntry(x.s.Name, Palette.Color(x.i), SwatchKind.Marker, x.i))
            .Concat(extraLegend).ToList();
        var frame = new ChartFrame(spec, legend, spec.Width, AxisPainter.YLabelGutter(yTicks), AxisPainter.XLabelGutter);
        // Inset the scales a little so markers on the domain edge are not cut in half by the axis line.
        var x = new Scale(xTicks, frame.PlotLeft + 6, frame.PlotRight - 6);
        var y = new Scale(yTicks, frame.PlotBottom - 6, frame.PlotTop + 6);
        var w = frame.Begin(kind);
        AxisPainter.DrawX(w, frame, x);
        AxisPainter.DrawY(w, frame, y);
        frame.DrawPlotEdges(w);
        frame.DrawAxisLabels(w, xAxis, yAxis);
        return new PointPlot(frame, x, y, w);
    }

    /// <summary>Draws every placeable point of every series as a marker element with its tooltip.</summary>
    public void DrawMarkers(IReadOnlyList<PointSeries> series, AxisSpec xAxis, AxisSpec yAxis)
    {
        Writer.Start("g", ("class", "points"));
        for (int k = 0; k < series.Count; k++)
        {
            foreach (var p in series[k].Points)
            {
                if (!X.CanPlace(p.X) || !Y.CanPlace(p.Y)) continue;
                Markers.Start(Writer, k, X.Map(p.X), Y.Map(p.Y), Palette.Color(k),
                    ("class", "mark point"), ("data-series", series[k].Name), ("data-label", p.Label),
                    ("data-x", SvgWriter.Data(p.X)), ("data-y", SvgWriter.Data(p.Y)));
                string title = $"{p.Label} ({series[k].Name})\n{xAxis.Label}: {NumberText.Exact(p.X)}{Unit(xAxis)}\n{yAxis.Label}: {NumberText.Exact(p.Y)}{Unit(yAxis)}";
                if (!string.IsNullOrEmpty(p.Tooltip)) title += "\n" + p.Tooltip;
                Writer.Title(title);
                Writer.End();
            }
        }
        Writer.End();
    }

    /// <summary>
    /// The part of y = k·x (times an optional cap) inside the plot's domain, as pixel end points; null when the line
    /// misses the plot. Clipping is analytic because a shared clip-path id would collide between charts inlined in one page.
    /// </summary>
    public (double X1, double Y1, double X2, double Y2)? ClipProportional(double k, double xFrom, double xTo)
    {
        if (!(k > 0) || !double.IsFinite(k)) return null;
        double x1 = Math.Max(Math.Max(X.Axis.Min, xFrom), Y.Axis.Min / k);
        double x2 = Math.Min(Math.Min(X.Axis.Max, xTo), Y.Axis.Max / k);
        if (!(x1 < x2) || !X.CanPlace(x1) || !Y.CanPlace(k * x1)) return null;
        return (X.Map(x1), Y.Map(k * x1), X.Map(x2), Y.Map(k * x2));
    }

    public string Finish() => Writer.ToString();

    private static bool Placeable(double v, bool log) => double.IsFinite(v) && (!log || v > 0);

    private static string Unit(AxisSpec axis) => string.IsNullOrEmpty(axis.Unit) ? "" : " " + axis.Unit;
}
