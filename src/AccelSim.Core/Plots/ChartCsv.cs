using System.Globalization;
using System.Text;

namespace AccelSim.Plots;

/// <summary>
/// A chart's data as CSV, written beside its SVG and PNG: exactly the numbers the renderer is given (before any log
/// transform), so a reader can redraw or check the figure. Bar charts: series,category,value,note. Point charts:
/// series,label,x,y,annotated,note (a roofline adds its roofs as rows of series "roof").
/// </summary>
public static class ChartCsv
{
    /// <summary>The CSV text of <paramref name="spec"/>'s data.</summary>
    public static string Write(ChartSpec spec)
    {
        var text = new StringBuilder();
        switch (spec)
        {
            case BarChartSpec bars:
                Line(text, "series", "category", "value", "note");
                foreach (var s in bars.Series)
                    for (int i = 0; i < bars.Categories.Count && i < s.Values.Count; i++)
                        Line(text, s.Name, bars.Categories[i], R(s.Values[i]), s.Tooltips is { } t && i < t.Count ? t[i] : "");
                break;
            case ScatterChartSpec scatter: Points(text, scatter.Series); break;
            case LineChartSpec line: Points(text, line.Series); break;
            case RooflineChartSpec roof:
                Points(text, roof.Series);
                Line(text, "roof", roof.PeakLabel, "", R(roof.PeakCompute), "false", "compute roof (MACs/cycle)");
                if (roof.Bandwidth > 0) Line(text, "roof", roof.BandwidthLabel, "", R(roof.Bandwidth), "false", "bandwidth roof slope (words/cycle)");
                foreach (var r in roof.Roofs) Line(text, "roof", r.Label, "", R(r.Bandwidth), "false", "bandwidth roof slope (words/cycle)");
                break;
            default: throw new ArgumentException($"no CSV form for {spec.GetType().Name}", nameof(spec));
        }
        return text.ToString();
    }

    private static void Points(StringBuilder text, IReadOnlyList<PointSeries> series)
    {
        Line(text, "series", "label", "x", "y", "annotated", "note");
        foreach (var s in series)
            foreach (var p in s.Points)
                Line(text, s.Name, p.Label, R(p.X), R(p.Y), p.Annotated ? "true" : "false", p.Tooltip ?? "");
    }

    /// <summary>One CSV record (RFC 4180 quoting) and a newline.</summary>
    public static void Line(StringBuilder text, params string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) text.Append(',');
            string f = fields[i];
            if (f.IndexOfAny([',', '"', '\n', '\r']) >= 0) text.Append('"').Append(f.Replace("\"", "\"\"")).Append('"');
            else text.Append(f);
        }
        text.Append('\n');
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
