using ScottPlot;

namespace AccelSim.Plots.Rendering;

/// <summary>Scatter, line and roofline charts: one ScottPlot scatter per series, annotated points labelled by name.</summary>
internal static class PointPlotter
{
    public static void Draw(Plot plot, AxisSpec xSpec, AxisSpec ySpec, IReadOnlyList<PointSeries> series, bool joined,
        ProportionalityLine? proportionality, RooflineChartSpec? roofline)
    {
        var x = new AxisFit(xSpec.Scale);
        var y = new AxisFit(ySpec.Scale);
        // Labelled points need room for their names to the right and above.
        if (series.Any(s => s.Points.Any(p => p.Annotated))) { x.HighMargin = 0.12; y.HighMargin = 0.08; }
        for (int s = 0; s < series.Count; s++)
        {
            // Without a style each series gets its own colour and marker, so lines that overlap stay tellable apart.
            var style = series[s].Style ?? new SeriesStyle(Palette.Color(s), (MarkerKind)(s % Enum.GetValues<MarkerKind>().Length));
            var kept = series[s].Points.Select(p => (Point: p, X: x.Map(p.X), Y: y.Map(p.Y)))
                .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToArray();
            foreach (var p in kept) { x.Include(p.Point.X); y.Include(p.Point.Y); }
            var color = ChartRenderer.ColorOf(style.Color);
            var scatter = joined
                ? plot.Add.Scatter(kept.Select(p => p.X).ToArray(), kept.Select(p => p.Y).ToArray(), color)
                : plot.Add.ScatterPoints(kept.Select(p => p.X).ToArray(), kept.Select(p => p.Y).ToArray(), color);
            scatter.LegendText = series[s].Name;
            scatter.MarkerShape = ChartRenderer.ShapeOf(style.Marker);
            scatter.MarkerSize = 8;
            if (joined) scatter.LineWidth = 2;
            // Annotated points at (nearly) the same place share one label listing their names, instead of overprinting.
            var places = kept.Where(p => p.Point.Annotated)
                .GroupBy(p => (Math.Round(p.X, 2), Math.Round(p.Y, 2)))
                .Select(g => (X: g.First().X, Y: g.First().Y, Label: string.Join(", ", g.Select(p => p.Point.Label))));
            foreach (var p in places)
            {
                var text = plot.Add.Text(p.Label, p.X, p.Y);
                text.LabelFontSize = 11;
                text.LabelFontColor = Colors.Black;
                text.OffsetX = 6;
                text.OffsetY = -4;
                text.LabelAlignment = Alignment.LowerLeft;
            }
        }
        if (roofline is not null) DrawRoofs(plot, roofline, x, y);
        if (proportionality is { K: > 0 } line && double.IsFinite(line.K) && x.HasData) DrawProportionality(plot, line, x, y);
        ChartRenderer.FinishAxis(plot, plot.Axes.Bottom, xSpec, x);
        ChartRenderer.FinishAxis(plot, plot.Axes.Left, ySpec, y);
    }

    // y = k·x across the data's x range (both axes log or both linear in every caller).
    private static void DrawProportionality(Plot plot, ProportionalityLine line, AxisFit x, AxisFit y)
    {
        var (low, high) = x.Limits();
        double X(double p) => x.IsLog ? Math.Pow(10, p) : p;
        double y1 = y.Map(line.K * X(low)), y2 = y.Map(line.K * X(high));
        if (!double.IsFinite(y1) || !double.IsFinite(y2)) return;
        var l = plot.Add.Line(low, y1, high, y2);
        l.LineColor = Colors.Gray;
        l.LinePattern = LinePattern.Dashed;
        l.LineWidth = 1.5f;
        l.LegendText = line.Label;
    }

    // The compute roof (flat) and each bandwidth roof (slope 1 in log-log) up to the ridge, fitted into the data's range.
    private static void DrawRoofs(Plot plot, RooflineChartSpec spec, AxisFit x, AxisFit y)
    {
        if (spec.PeakCompute <= 0 || !double.IsFinite(spec.PeakCompute)) return;
        double peak = y.Include(spec.PeakCompute);
        var (low, high) = x.Limits();
        var roof = plot.Add.Line(low, peak, high, peak);
        roof.LineColor = Colors.Black;
        roof.LineWidth = 2;
        roof.LegendText = spec.PeakLabel;
        var slopes = new List<Roof>();
        if (spec.Bandwidth > 0 && double.IsFinite(spec.Bandwidth)) slopes.Add(new Roof(spec.BandwidthLabel, spec.Bandwidth, "#000000"));
        slopes.AddRange(spec.Roofs.Where(r => r.Bandwidth > 0 && double.IsFinite(r.Bandwidth)));
        double left = low, right = high;
        foreach (var r in slopes)
        {
            double ridge = Math.Log10(spec.PeakCompute / r.Bandwidth);
            double start = Math.Min(low, ridge - 1);
            x.Include(Math.Pow(10, start));
            y.Include(r.Bandwidth * Math.Pow(10, start));
            var slope = plot.Add.Line(start, Math.Log10(r.Bandwidth) + start, ridge, peak);
            slope.LineColor = Color.FromHex(r.Color);
            slope.LinePattern = LinePattern.Dashed;
            slope.LineWidth = 2;
            slope.LegendText = r.Label;
            left = Math.Min(left, start);
            right = Math.Max(right, ridge + 1);
            x.Include(Math.Pow(10, ridge + 1));
        }
        roof.Line = new CoordinateLine(left, peak, right, peak);
    }
}
