using ScottPlot;

namespace AccelSim.Plots.Rendering;

/// <summary>Grouped or stacked bars over named categories, vertical or horizontal (first category at the top).</summary>
internal static class BarPlotter
{
    public static void Draw(Plot plot, BarChartSpec spec)
    {
        int n = spec.Categories.Count, seriesCount = Math.Max(1, spec.Series.Count);
        bool stacked = spec.Layout == BarLayout.Stacked;
        double width = stacked ? 0.8 : 0.8 / seriesCount;
        var baseOf = new double[n];
        var value = new AxisFit(AxisScale.Linear);
        value.Include(0);
        // Horizontal charts list the first category at the top, as a table reads.
        double Position(int i) => spec.Horizontal ? n - 1 - i : i;
        for (int s = 0; s < spec.Series.Count; s++)
        {
            var series = spec.Series[s];
            var color = ChartRenderer.ColorOf(series.Color ?? Palette.Color(s));
            var bars = new List<Bar>(n);
            for (int i = 0; i < n; i++)
            {
                double v = i < series.Values.Count ? series.Values[i] : double.NaN;
                if (!double.IsFinite(v)) continue;
                if (stacked) v = Math.Max(0, v);
                double bottom = stacked ? baseOf[i] : 0;
                double offset = stacked ? 0 : (s - (seriesCount - 1) / 2.0) * width;
                bars.Add(new Bar { Position = Position(i) + offset, ValueBase = bottom, Value = bottom + v, Size = width, FillColor = color, LineWidth = 0 });
                if (!(spec.ScaleIgnoresLast && i == n - 1 && n > 1)) value.Include(bottom + v);
                if (stacked) baseOf[i] += v;
            }
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = spec.Horizontal;
            plottable.Color = color;
            plottable.LegendText = series.Name;
            // Keep each bar's own colour (setting the plottable's Color recolours every bar).
            foreach (var bar in plottable.Bars) bar.FillColor = color;
        }
        var categoryAxis = spec.Horizontal ? (ScottPlot.IAxis)plot.Axes.Left : plot.Axes.Bottom;
        var valueAxis = spec.Horizontal ? (ScottPlot.IAxis)plot.Axes.Bottom : plot.Axes.Left;
        categoryAxis.SetTicks(Enumerable.Range(0, n).Select(i => Position(i)).ToArray(), spec.Categories.ToArray());
        categoryAxis.Label.Text = spec.CategoryAxis.Text;
        categoryAxis.Label.FontSize = 14;
        categoryAxis.TickLabelStyle.FontSize = 11;
        if (!spec.Horizontal && n > 8) categoryAxis.TickLabelStyle.Rotation = -45;
        categoryAxis.Range.Set(-0.6, Math.Max(n, 1) - 0.4);
        ChartRenderer.FinishAxis(plot, valueAxis, spec.ValueAxis, value, includeZero: true);
        if (spec.Horizontal) plot.Grid.YAxisStyle.MajorLineStyle.Width = 0; else plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
    }
}
