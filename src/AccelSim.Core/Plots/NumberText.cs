using System.Globalization;

namespace AccelSim.Plots;

/// <summary>Numbers as charts write them: compact for tick labels, exact (round-trip) for tooltips and data attributes.</summary>
public static class NumberText
{
    private static readonly string[] Suffixes = ["", "k", "M", "G", "T", "P", "E"];

    /// <summary>
    /// At most three significant digits with an SI suffix from a thousand up: 1.2k, 3.4M, 5G, 0.05. Meant for tick labels,
    /// where width matters more than precision.
    /// </summary>
    public static string Compact(double value)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        if (value == 0) return "0";
        string sign = value < 0 ? "-" : "";
        double a = Math.Abs(value);
        int i = 0;
        // 999.5 rather than 1000: "G3" would round 999.7 up to "1E+03" instead of moving on to "1k".
        while (a >= 999.5 && i < Suffixes.Length - 1) { a /= 1000; i++; }
        return sign + a.ToString("G3", CultureInfo.InvariantCulture) + Suffixes[i];
    }

    /// <summary>The shortest text that parses back (invariant culture) to exactly <paramref name="value"/>.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A percentage with two decimals at most, for tooltips.</summary>
    public static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A ratio like 2.35 with three significant digits, for tooltips and legends.</summary>
    public static string Ratio(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
