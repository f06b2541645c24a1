namespace AccelSim.Plots.Rendering;

/// <summary>
/// One axis of a chart as ScottPlot sees it: log axes are drawn by plotting log10 of the values on a linear axis with
/// decade ticks labelled in the data's own numbers. Limits are fitted to the data (a small margin, no empty decades).
/// </summary>
internal sealed class AxisFit(AxisScale scale)
{
    private double _min = double.PositiveInfinity, _max = double.NegativeInfinity;

    public bool IsLog => scale == AxisScale.Log;

    /// <summary>Where a value is plotted, or NaN when it cannot be (zero or negative on a log axis, not finite).</summary>
    public double Map(double value) =>
        !double.IsFinite(value) ? double.NaN : IsLog ? (value > 0 ? Math.Log10(value) : double.NaN) : value;

    /// <summary>Takes a data value into account for the limits; returns its plotted position.</summary>
    public double Include(double value)
    {
        double p = Map(value);
        if (double.IsFinite(p)) { _min = Math.Min(_min, p); _max = Math.Max(_max, p); }
        return p;
    }

    public bool HasData => _min <= _max;

    /// <summary>Extra room past the largest value, as a fraction of the span (room for point labels).</summary>
    public double HighMargin { get; set; } = 0.05;

    /// <summary>The plotted range with a 5% margin (half a decade or one unit around a single value); a linear axis whose
    /// data start at zero starts exactly there.</summary>
    public (double Low, double High) Limits()
    {
        if (!HasData) return (0, 1);
        double span = _max - _min;
        double pad = span > 0 ? span * 0.05 : (IsLog ? 0.5 : Math.Max(Math.Abs(_max) * 0.1, 1));
        double high = span > 0 ? span * HighMargin : pad;
        double low = !IsLog && _min == 0 ? 0 : _min - pad;
        return (low, _max + high);
    }

    /// <summary>Ticks for a log axis: a labelled major tick per decade in range, minor ticks at 2..9 of each decade.</summary>
    public ScottPlot.TickGenerators.NumericManual LogTicks(double low, double high)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int first = (int)Math.Floor(low), last = (int)Math.Ceiling(high);
        int labelled = 0;
        // Over a narrow range a decade tick may not fall inside: label the 2x and 5x ticks too.
        bool labelHalves = high - low < 1.5;
        for (int d = first; d <= last; d++)
        {
            if (d >= low && d <= high) { ticks.AddMajor(d, NumberText.Compact(Math.Pow(10, d))); labelled++; }
            for (int m = 2; m <= 9; m++)
            {
                double p = d + Math.Log10(m);
                if (p < low || p > high) continue;
                if (labelHalves && m is 2 or 5) { ticks.AddMajor(p, NumberText.Compact(m * Math.Pow(10, d))); labelled++; }
                else ticks.AddMinor(p);
            }
        }
        if (labelled >= 2) return ticks;
        // A range too narrow for 1-2-5 ticks (e.g. ratios between 0.12 and 0.15): five evenly spaced labelled ticks.
        var even = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i <= 4; i++)
        {
            double p = low + (high - low) * (0.1 + 0.2 * i);
            even.AddMajor(p, NumberText.Compact(Math.Pow(10, p)));
        }
        return even;
    }
}
