using ScottPlot;

namespace AccelSim.Plots.Rendering;

/// <summary>A chart drawn: the SVG text (labels as &lt;text&gt;) and the PNG bytes, both at the spec's size.</summary>
public sealed record RenderedChart(string Svg, byte[] Png, int Width, int Height);

/// <summary>
/// Turns chart specs into ScottPlot 5 plots with the embedded font and the Okabe–Ito palette, and renders them to SVG and
/// PNG. <see cref="Build"/> is separate so tests can read back exactly what was handed to ScottPlot.
/// </summary>
public static class ChartRenderer
{
    // One chart at a time in the whole process. ScottPlot keeps process-wide state (the clip-path counter below, its
    // typeface cache) and drawing two charts at once on two threads crashed the process inside libSkiaSharp (a segfault
    // at the same instruction, about one full test run in four on the 2-core machine, while ModelFigures drew figures in
    // parallel and xunit ran plot tests side by side). Serializing costs little: the seven figures of a 150-layer model went
    // from 0.23 to 0.30 s (docs/benchmarks.md, "Figures").
    private static readonly Lock RenderGate = new();

    /// <summary>Draws <paramref name="spec"/> as SVG and PNG (one chart at a time per process; see the gate above).</summary>
    public static RenderedChart Render(ChartSpec spec)
    {
        lock (RenderGate)
        {
            using var plot = Build(spec);
            int height = HeightOf(spec);
            string svg = StableIds(plot.GetSvgXml(spec.Width, height));
            byte[] png = plot.GetImageBytes(spec.Width, height, ImageFormat.Png);
            return new RenderedChart(svg, png, spec.Width, height);
        }
    }

    // ScottPlot names clip paths from a process-wide counter (cl_1a7, ...): renumbered in document order so the same
    // chart always gives the same SVG bytes.
    private static string StableIds(string svg)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(svg, @"(id=""|url\(#)(cl_[0-9a-f]+)", m =>
        {
            if (!names.TryGetValue(m.Groups[2].Value, out var name)) names[m.Groups[2].Value] = name = $"clip{names.Count + 1}";
            return m.Groups[1].Value + name;
        });
    }

    /// <summary>The height the chart is drawn at: horizontal bar charts grow with their categories.</summary>
    public static int HeightOf(ChartSpec spec) =>
        spec is BarChartSpec { Horizontal: true } bars ? Math.Max(spec.Height, 160 + 18 * bars.Categories.Count) : spec.Height;

    /// <summary>The ScottPlot plot of <paramref name="spec"/>, not yet rendered.</summary>
    public static Plot Build(ChartSpec spec)
    {
        PlotFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(PlotFont.Family);
        plot.Title(spec.Title, 16);
        switch (spec)
        {
            case BarChartSpec bars: BarPlotter.Draw(plot, bars); break;
            case ScatterChartSpec scatter: PointPlotter.Draw(plot, scatter.XAxis, scatter.YAxis, scatter.Series, joined: false, scatter.Proportionality, null); break;
            case LineChartSpec line: PointPlotter.Draw(plot, line.XAxis, line.YAxis, line.Series, joined: true, null, null); break;
            case RooflineChartSpec roof:
                PointPlotter.Draw(plot, roof.XAxis with { Scale = AxisScale.Log }, roof.YAxis with { Scale = AxisScale.Log }, roof.Series, joined: false, null, roof);
                break;
            default: throw new ArgumentException($"no renderer for {spec.GetType().Name}", nameof(spec));
        }
        plot.Legend.FontSize = 12;
        if (plot.GetPlottables().Any(p => p.LegendItems.Any(i => !string.IsNullOrEmpty(i.LabelText)))) plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>The ScottPlot colour of a "#RRGGBB" palette entry.</summary>
    internal static Color ColorOf(string hex) => Color.FromHex(hex);

    internal static MarkerShape ShapeOf(MarkerKind marker) => marker switch
    {
        MarkerKind.Square => MarkerShape.FilledSquare,
        MarkerKind.TriangleUp => MarkerShape.FilledTriangleUp,
        MarkerKind.Diamond => MarkerShape.FilledDiamond,
        MarkerKind.TriangleDown => MarkerShape.FilledTriangleDown,
        MarkerKind.Cross => MarkerShape.Cross,
        MarkerKind.Asterisk => MarkerShape.Asterisk,
        MarkerKind.OpenCircle => MarkerShape.OpenCircle,
        _ => MarkerShape.FilledCircle,
    };

    /// <summary>Applies an axis's label, scale ticks and fitted limits.</summary>
    internal static void FinishAxis(Plot plot, ScottPlot.IAxis axis, AxisSpec spec, AxisFit fit, bool includeZero = false)
    {
        axis.Label.Text = spec.Text;
        axis.Label.FontSize = 14;
        var (low, high) = fit.Limits();
        if (includeZero && !fit.IsLog) { low = Math.Min(low, 0); high = Math.Max(high, 0); }
        if (fit.IsLog) axis.TickGenerator = fit.LogTicks(low, high);
        axis.Range.Set(low, high);
    }
}
