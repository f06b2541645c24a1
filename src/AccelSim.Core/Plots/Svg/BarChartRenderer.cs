using AccelSim.Plots.Axes;

namespace AccelSim.Plots.Svg;

/// <summary>
/// Grouped and stacked bar charts. Each bar (or stacked segment) is its own &lt;rect class="mark bar"&gt; with a tooltip
/// holding the exact value and data-series / data-label / data-value attributes. With many categories the chart
/// widens (up to <see cref="BarChartSpec.MaxWidth"/>) so bars keep a legible width, and labels rotate or thin out.
/// </summary>
internal static class BarChartRenderer
{
    /// <summary>Narrowest bar worth drawing; below it a chart of 150 layers turns into a grey blur.</summary>
    private const double MinBarWidth = 4;
    private const double MaxStackedBarWidth = 90;

    public static string Render(BarChartSpec spec)
    {
        Validate(spec);
        int n = spec.Categories.Count;
        int s = spec.Series.Count;
        bool stacked = spec.Layout == BarLayout.Stacked;

        var axis = NiceTicks.Linear(ValueMin(spec), ValueMax(spec));
        var legend = spec.Series.Select((series, i) => new LegendEntry(series.Name, Palette.Color(i), SwatchKind.Box)).ToList();

        // Width: what the caller asked for, or more so each category gets room for its bars and a label line.
        double gutter = AxisPainter.YLabelGutter(axis);
        double fixedWidth = 12 + ChartFrame.AxisFont + 8 + gutter + 20;
        double barsPerSlot = stacked ? 1 : s;
        double minSlot = Math.Max(CategoryLabels.MinSlotForAllLabels, barsPerSlot * MinBarWidth / 0.8);
        double width = Math.Clamp(fixedWidth + n * minSlot, spec.Width, Math.Max(spec.Width, spec.MaxWidth));
        double slot = n == 0 ? 0 : (width - fixedWidth) / n;
        var labels = CategoryLabels.Plan(spec.Categories, slot);

        // A label slanted at 45° reaches left of its bar; the first one must not run off the canvas.
        double overhang = labels.Angle == -45 && n > 0 ? TextMetrics.Width(labels.Texts[0], CategoryLabels.Font) * Math.Cos(Math.PI / 4) - slot / 2 : 0;
        double leftRoom = 12 + ChartFrame.AxisFont + 8 + gutter;
        if (overhang > leftRoom - 4)
        {
            gutter += overhang - leftRoom + 4;
            width += overhang - leftRoom + 4;
        }
        var frame = new ChartFrame(spec, legend, width, gutter, labels.Extent);
        var y = new Scale(axis, frame.PlotBottom, frame.PlotTop);
        slot = n == 0 ? 0 : (frame.PlotRight - frame.PlotLeft) / n;
        var centres = Enumerable.Range(0, n).Select(i => frame.PlotLeft + (i + 0.5) * slot).ToArray();

        var w = frame.Begin(stacked ? "bar-chart stacked" : "bar-chart grouped");
        AxisPainter.DrawY(w, frame, y);
        w.Start("g", ("class", "bars"));
        if (stacked) DrawStacked(w, spec, y, centres, slot);
        else DrawGrouped(w, spec, y, centres, slot);
        w.End();
        frame.DrawPlotEdges(w);
        labels.Draw(w, spec.Categories, centres, frame.PlotBottom);
        frame.DrawAxisLabels(w, spec.CategoryAxis, spec.ValueAxis);
        return w.ToString();
    }

    private static void DrawGrouped(SvgWriter w, BarChartSpec spec, Scale y, double[] centres, double slot)
    {
        int s = spec.Series.Count;
        double groupWidth = Math.Min(slot * 0.8, s * 60);
        double barWidth = groupWidth / Math.Max(s, 1);
        double zero = y.Map(Math.Clamp(0, y.Axis.Min, y.Axis.Max));
        for (int i = 0; i < centres.Length; i++)
        {
            double left = centres[i] - groupWidth / 2;
            for (int k = 0; k < s; k++)
            {
                double v = spec.Series[k].Values[i];
                if (!double.IsFinite(v)) continue;
                double py = y.Map(v);
                Bar(w, spec, k, i, v, left + k * barWidth, Math.Min(py, zero), barWidth, Math.Abs(zero - py));
            }
        }
    }

    private static void DrawStacked(SvgWriter w, BarChartSpec spec, Scale y, double[] centres, double slot)
    {
        double barWidth = Math.Min(slot * 0.75, MaxStackedBarWidth);
        for (int i = 0; i < centres.Length; i++)
        {
            double sum = 0;
            for (int k = 0; k < spec.Series.Count; k++)
            {
                double v = spec.Series[k].Values[i];
                if (!double.IsFinite(v)) continue;
                double bottom = y.Map(sum);
                sum += Math.Max(0, v);
                double top = y.Map(sum);
                Bar(w, spec, k, i, v, centres[i] - barWidth / 2, top, barWidth, bottom - top);
            }
        }
    }

    private static void Bar(SvgWriter w, BarChartSpec spec, int series, int category, double value, double x, double y, double width, double height)
    {
        var s = spec.Series[series];
        string unit = string.IsNullOrEmpty(spec.ValueAxis.Unit) ? "" : " " + spec.ValueAxis.Unit;
        string title = $"{spec.Categories[category]} · {s.Name}: {NumberText.Exact(value)}{unit}";
        if (s.Tooltips is { } tips && !string.IsNullOrEmpty(tips[category])) title += "\n" + tips[category];
        w.Start("rect", ("class", "mark bar"), ("data-series", s.Name), ("data-label", spec.Categories[category]), ("data-value", SvgWriter.Data(value)),
            ("x", SvgWriter.Num(x)), ("y", SvgWriter.Num(y)), ("width", SvgWriter.Num(Math.Max(width - 0.5, 0.5))), ("height", SvgWriter.Num(Math.Max(height, 0))),
            ("fill", Palette.Color(series)));
        w.Title(title);
        w.End();
    }

    private static double ValueMin(BarChartSpec spec) => spec.Layout == BarLayout.Stacked
        ? 0
        : Math.Min(0, spec.Series.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(0).Min());

    private static double ValueMax(BarChartSpec spec)
    {
        if (spec.Layout == BarLayout.Grouped) return Math.Max(0, spec.Series.SelectMany(s => s.Values).Where(double.IsFinite).DefaultIfEmpty(0).Max());
        double max = 0;
        for (int i = 0; i < spec.Categories.Count; i++)
        {
            max = Math.Max(max, spec.Series.Sum(s => double.IsFinite(s.Values[i]) ? Math.Max(0, s.Values[i]) : 0));
        }
        return max;
    }

    private static void Validate(BarChartSpec spec)
    {
        if (spec.ValueAxis.Scale == AxisScale.Log) throw new ArgumentException("bar charts have a linear value axis (bars on a log axis have no baseline)", nameof(spec));
        foreach (var s in spec.Series)
        {
            if (s.Values.Count != spec.Categories.Count)
                throw new ArgumentException($"series '{s.Name}' has {s.Values.Count} values for {spec.Categories.Count} categories", nameof(spec));
            if (s.Tooltips is not null && s.Tooltips.Count != spec.Categories.Count)
                throw new ArgumentException($"series '{s.Name}' has {s.Tooltips.Count} tooltips for {spec.Categories.Count} categories", nameof(spec));
        }
    }
}
