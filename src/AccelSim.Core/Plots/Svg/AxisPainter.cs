using AccelSim.Plots.Axes;

namespace AccelSim.Plots.Svg;

/// <summary>Draws value axes: grid lines, tick marks and compact tick labels, each label carrying its exact value.</summary>
internal static class AxisPainter
{
    /// <summary>Room the y tick labels need left of the plot.</summary>
    public static double YLabelGutter(AxisTicks axis)
    {
        double widest = 0;
        for (int i = 0; i < axis.Ticks.Count; i++)
        {
            if (axis.IsLabelled(i)) widest = Math.Max(widest, TextMetrics.Width(NumberText.Compact(axis.Ticks[i]), ChartFrame.TickFont));
        }
        return widest + 10;
    }

    /// <summary>Room the x tick labels of a value axis need under the plot.</summary>
    public static double XLabelGutter => ChartFrame.TickFont + 10;

    public static void DrawY(SvgWriter w, ChartFrame frame, Scale y)
    {
        w.Start("g", ("class", "axis y"), ("data-scale", y.Axis.IsLog ? "log" : "linear"));
        for (int i = 0; i < y.Axis.Ticks.Count; i++)
        {
            double v = y.Axis.Ticks[i];
            double py = y.Map(v);
            w.Empty("line", ("class", "grid"), ("x1", SvgWriter.Num(frame.PlotLeft)), ("x2", SvgWriter.Num(frame.PlotRight)),
                ("y1", SvgWriter.Num(py)), ("y2", SvgWriter.Num(py)), ("stroke", "#e3e3e3"), ("stroke-width", "1"));
            w.Empty("line", ("class", "tick"), ("data-value", SvgWriter.Data(v)), ("x1", SvgWriter.Num(frame.PlotLeft - 4)), ("x2", SvgWriter.Num(frame.PlotLeft)),
                ("y1", SvgWriter.Num(py)), ("y2", SvgWriter.Num(py)), ("stroke", "#333333"));
            if (!y.Axis.IsLabelled(i)) continue;
            w.Text("text", NumberText.Compact(v), ("class", "tick-label"), ("data-value", SvgWriter.Data(v)),
                ("x", SvgWriter.Num(frame.PlotLeft - 7)), ("y", SvgWriter.Num(py + ChartFrame.TickFont * 0.35)),
                ("text-anchor", "end"), ("font-size", SvgWriter.Num(ChartFrame.TickFont)), ("fill", "#333333"));
        }
        w.End();
    }

    public static void DrawX(SvgWriter w, ChartFrame frame, Scale x)
    {
        w.Start("g", ("class", "axis x"), ("data-scale", x.Axis.IsLog ? "log" : "linear"));
        for (int i = 0; i < x.Axis.Ticks.Count; i++)
        {
            double v = x.Axis.Ticks[i];
            double px = x.Map(v);
            w.Empty("line", ("class", "grid"), ("x1", SvgWriter.Num(px)), ("x2", SvgWriter.Num(px)),
                ("y1", SvgWriter.Num(frame.PlotTop)), ("y2", SvgWriter.Num(frame.PlotBottom)), ("stroke", "#e3e3e3"), ("stroke-width", "1"));
            w.Empty("line", ("class", "tick"), ("data-value", SvgWriter.Data(v)), ("x1", SvgWriter.Num(px)), ("x2", SvgWriter.Num(px)),
                ("y1", SvgWriter.Num(frame.PlotBottom)), ("y2", SvgWriter.Num(frame.PlotBottom + 4)), ("stroke", "#333333"));
            if (!x.Axis.IsLabelled(i)) continue;
            w.Text("text", NumberText.Compact(v), ("class", "tick-label"), ("data-value", SvgWriter.Data(v)),
                ("x", SvgWriter.Num(px)), ("y", SvgWriter.Num(frame.PlotBottom + 6 + ChartFrame.TickFont)),
                ("text-anchor", "middle"), ("font-size", SvgWriter.Num(ChartFrame.TickFont)), ("fill", "#333333"));
        }
        w.End();
    }
}
