using System.Globalization;

namespace AccelSim.Plots.Axes;

/// <summary>Chooses axis domains and ticks: steps of 1, 2 or 5 × 10^k on linear axes, whole decades on log axes.</summary>
internal static class NiceTicks
{
    /// <summary>More labels than this on a log axis and only every second (third, ...) decade is labelled.</summary>
    private const int MaxLogLabels = 9;

    /// <summary>Ticks covering [min, max] with about <paramref name="target"/> intervals; the domain snaps outward to ticks.</summary>
    public static AxisTicks Linear(double min, double max, int target = 6)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) (min, max) = (0, 1);
        if (min > max) (min, max) = (max, min);
        if (min == max)
        {
            // A flat series still needs a visible range: pad around it (or above zero).
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
            if (min < 0 && max - pad >= 0) min = 0;
        }
        double step = NiceStep((max - min) / target);
        long first = (long)Math.Floor(min / step + 1e-9);
        long last = (long)Math.Ceiling(max / step - 1e-9);
        // Multiplying an integer by the step (rather than accumulating) keeps 0.1 + 0.2 drift out of the labels.
        int decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step)) + 1, 0, 15);
        var ticks = new List<double>((int)(last - first + 1));
        for (long i = first; i <= last; i++) ticks.Add(Math.Round(i * step, decimals));
        return new AxisTicks(ticks[0], ticks[^1], ticks, IsLog: false);
    }

    /// <summary>Whole decades covering [min, max] (both positive); at least one decade.</summary>
    public static AxisTicks Log(double min, double max)
    {
        if (!(min > 0) || !double.IsFinite(min)) min = 1;
        if (!(max > 0) || !double.IsFinite(max)) max = Math.Max(min, 10);
        if (min > max) (min, max) = (max, min);
        int lo = (int)Math.Floor(Math.Log10(min) + 1e-12);
        int hi = (int)Math.Ceiling(Math.Log10(max) - 1e-12);
        if (hi <= lo) hi = lo + 1;
        var ticks = new List<double>(hi - lo + 1);
        for (int k = lo; k <= hi; k++) ticks.Add(Decade(k));
        int stride = (ticks.Count + MaxLogLabels - 1) / MaxLogLabels;
        return new AxisTicks(ticks[0], ticks[^1], ticks, IsLog: true, LabelStride: Math.Max(1, stride));
    }

    /// <summary>Ticks for the given scale kind.</summary>
    public static AxisTicks For(AxisScale scale, double min, double max) =>
        scale == AxisScale.Log ? Log(min, max) : Linear(min, max);

    /// <summary>10^k as the double nearest to it; Math.Pow can be an ulp off for negative k.</summary>
    public static double Decade(int k) => double.Parse("1E" + k.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw)) return 1;
        double magnitude = Decade((int)Math.Floor(Math.Log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
