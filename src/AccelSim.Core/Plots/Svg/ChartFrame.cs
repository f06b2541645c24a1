namespace AccelSim.Plots.Svg;

/// <summary>
/// The layout shared by every chart: title, note, legend above the plot, axis labels outside it, and the plot
/// rectangle left in between. Computes positions first so nothing drawn later overlaps, then draws the chrome.
/// </summary>
internal sealed class ChartFrame
{
    public const double TitleFont = 16;
    public const double NoteFont = 12;
    public const double LegendFont = 12;
    public const double TickFont = 11;
    public const double AxisFont = 13;
    private const double Pad = 12;
    private const double LegendRow = 18;
    private const double SwatchWidth = 18;
    private const double MinPlotHeight = 240;

    private readonly ChartSpec _spec;
    private readonly IReadOnlyList<string> _noteLines;
    private readonly IReadOnlyList<LegendEntry> _legend;
    private readonly List<(double X, double Y)> _legendPositions = [];
    private readonly double _legendTop;

    /// <param name="spec">Title, note and height.</param>
    /// <param name="legend">Entries shown above the plot.</param>
    /// <param name="width">Canvas width in pixels.</param>
    /// <param name="leftGutter">Room left of the plot for tick labels (the y-axis label is added on top).</param>
    /// <param name="bottomGutter">Room under the plot for tick or category labels (the x-axis label is added on top).</param>
    public ChartFrame(ChartSpec spec, IReadOnlyList<LegendEntry> legend, double width, double leftGutter, double bottomGutter)
    {
        _spec = spec;
        _legend = legend;
        Width = width;
        Height = spec.Height;
        double y = Pad + TitleFont;
        _noteLines = string.IsNullOrWhiteSpace(spec.Note) ? [] : TextMetrics.Wrap(spec.Note, NoteFont, Math.Min(width, 960) - 2 * Pad);
        y += _noteLines.Count * (NoteFont + 4);
        _legendTop = y + 8;
        // Legend entries flow left to right and wrap; their positions are fixed here so the plot starts below them.
        double x = Pad;
        double row = 0;
        double maxRowWidth = Math.Min(width, 960) - 2 * Pad;
        foreach (var entry in legend)
        {
            double w = SwatchWidth + 6 + TextMetrics.Width(entry.Name, LegendFont) + 18;
            if (x > Pad && x + w > Pad + maxRowWidth) { x = Pad; row++; }
            _legendPositions.Add((x, _legendTop + row * LegendRow));
            x += w;
        }
        double legendHeight = legend.Count == 0 ? 0 : (row + 1) * LegendRow;
        PlotTop = _legendTop + legendHeight + 10;
        PlotLeft = Pad + AxisFont + 8 + leftGutter;
        PlotRight = width - Pad - 8;
        PlotBottom = Height - Pad - AxisFont - 6 - bottomGutter;
        // A tall legend or long labels could squeeze the plot away entirely; keep a minimum and grow the canvas instead.
        if (PlotBottom - PlotTop < MinPlotHeight)
        {
            Height += MinPlotHeight - (PlotBottom - PlotTop);
            PlotBottom = PlotTop + MinPlotHeight;
        }
    }

    public double Width { get; }
    public double Height { get; }
    public double PlotLeft { get; }
    public double PlotRight { get; }
    public double PlotTop { get; }
    public double PlotBottom { get; }

    /// <summary>Starts the document and draws the background, title, note and legend.</summary>
    public SvgWriter Begin(string chartKind)
    {
        var w = new SvgWriter(Width, Height, $"chart {chartKind}");
        w.Empty("rect", ("class", "background"), ("width", SvgWriter.Num(Width)), ("height", SvgWriter.Num(Height)), ("fill", "#ffffff"));
        w.Text("text", _spec.Title, ("class", "chart-title"), ("x", SvgWriter.Num(Pad)), ("y", SvgWriter.Num(Pad + TitleFont - 2)),
            ("font-size", SvgWriter.Num(TitleFont)), ("font-weight", "bold"), ("fill", "#111111"));
        double y = Pad + TitleFont + NoteFont + 2;
        foreach (string line in _noteLines)
        {
            w.Text("text", line, ("class", "chart-note"), ("x", SvgWriter.Num(Pad)), ("y", SvgWriter.Num(y)),
                ("font-size", SvgWriter.Num(NoteFont)), ("fill", "#444444"));
            y += NoteFont + 4;
        }
        DrawLegend(w);
        return w;
    }

    /// <summary>Draws the axis titles: x centred under the plot, y rotated along the left edge.</summary>
    public void DrawAxisLabels(SvgWriter w, AxisSpec x, AxisSpec y)
    {
        double cx = (PlotLeft + PlotRight) / 2;
        w.Text("text", x.Text, ("class", "axis-label x"), ("x", SvgWriter.Num(cx)), ("y", SvgWriter.Num(Height - Pad)),
            ("text-anchor", "middle"), ("font-size", SvgWriter.Num(AxisFont)), ("fill", "#111111"));
        double cy = (PlotTop + PlotBottom) / 2;
        double lx = Pad + AxisFont - 2;
        w.Text("text", y.Text, ("class", "axis-label y"), ("x", SvgWriter.Num(lx)), ("y", SvgWriter.Num(cy)),
            ("text-anchor", "middle"), ("font-size", SvgWriter.Num(AxisFont)), ("fill", "#111111"),
            ("transform", $"rotate(-90 {SvgWriter.Num(lx)} {SvgWriter.Num(cy)})"));
    }

    /// <summary>The plot's left and bottom edges.</summary>
    public void DrawPlotEdges(SvgWriter w)
    {
        w.Empty("path", ("class", "plot-edge"), ("d", $"M{SvgWriter.Num(PlotLeft)},{SvgWriter.Num(PlotTop)} V{SvgWriter.Num(PlotBottom)} H{SvgWriter.Num(PlotRight)}"),
            ("fill", "none"), ("stroke", "#333333"), ("stroke-width", "1"));
    }

    private void DrawLegend(SvgWriter w)
    {
        for (int i = 0; i < _legend.Count; i++)
        {
            var entry = _legend[i];
            var (x, y) = _legendPositions[i];
            double mid = y + LegendRow / 2 - 2;
            w.Start("g", ("class", "legend-entry"), ("data-series", entry.Name));
            switch (entry.Kind)
            {
                case SwatchKind.Box:
                    w.Empty("rect", ("x", SvgWriter.Num(x + 3)), ("y", SvgWriter.Num(mid - 6)), ("width", "12"), ("height", "12"), ("fill", entry.Color),
                        ("stroke", "#333333"), ("stroke-width", "0.5"));
                    break;
                case SwatchKind.Marker:
                    Markers.Start(w, entry.MarkerIndex, x + SwatchWidth / 2, mid, entry.Color);
                    w.End();
                    break;
                default:
                    w.Empty("line", ("x1", SvgWriter.Num(x)), ("y1", SvgWriter.Num(mid)), ("x2", SvgWriter.Num(x + SwatchWidth)), ("y2", SvgWriter.Num(mid)),
                        ("stroke", entry.Color), ("stroke-width", "2"), ("stroke-dasharray", entry.Kind == SwatchKind.DashedLine ? "5 3" : null));
                    break;
            }
            w.Text("text", entry.Name, ("x", SvgWriter.Num(x + SwatchWidth + 6)), ("y", SvgWriter.Num(mid + 4)),
                ("font-size", SvgWriter.Num(LegendFont)), ("fill", "#111111"));
            w.End();
        }
    }
}
