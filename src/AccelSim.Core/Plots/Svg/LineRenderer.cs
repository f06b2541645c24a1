using System.Text;

namespace AccelSim.Plots.Svg;

/// <summary>Line charts: each series joined in the order given, with a marker (and tooltip) at every point.</summary>
internal static class LineRenderer
{
    public static string Render(LineChartSpec spec)
    {
        var plot = PointPlot.Begin(spec, "line-chart", spec.XAxis, spec.YAxis, spec.Series, [], [], []);
        plot.Writer.Start("g", ("class", "lines"));
        for (int k = 0; k < spec.Series.Count; k++)
        {
            var points = new StringBuilder();
            foreach (var p in spec.Series[k].Points)
            {
                // A gap in the data (a point that cannot be placed) is bridged: the markers show where data exists.
                if (!plot.X.CanPlace(p.X) || !plot.Y.CanPlace(p.Y)) continue;
                if (points.Length > 0) points.Append(' ');
                points.Append(SvgWriter.Num(plot.X.Map(p.X))).Append(',').Append(SvgWriter.Num(plot.Y.Map(p.Y)));
            }
            if (points.Length == 0) continue;
            plot.Writer.Empty("polyline", ("class", "series-line"), ("data-series", spec.Series[k].Name), ("points", points.ToString()),
                ("fill", "none"), ("stroke", Palette.Color(k)), ("stroke-width", "2"));
        }
        plot.Writer.End();
        plot.DrawMarkers(spec.Series, spec.XAxis, spec.YAxis);
        return plot.Finish();
    }
}
