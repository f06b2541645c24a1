using System.Globalization;

namespace AccelSim.Reports;

/// <summary>
/// Energies and times for people: 4 significant digits in the unit that keeps the number between 1 and 1000
/// (pJ, nJ, µJ, mJ, J; ns, µs, ms, s). Normalized energies (xMAC, multiples of one MAC's energy) have no physical
/// prefix ladder; they get SI multipliers (k, M, G) in front of the unit so they are never mistaken for joules.
/// </summary>
public static class HumanUnits
{
    private static readonly (double Scale, string Unit)[] Joules =
        [(1, "pJ"), (1e3, "nJ"), (1e6, "µJ"), (1e9, "mJ"), (1e12, "J")];
    private static readonly (double Scale, string Unit)[] Seconds =
        [(1e-9, "ns"), (1e-6, "µs"), (1e-3, "ms"), (1, "s")];
    private static readonly (double Scale, string Prefix)[] Multipliers =
        [(1, ""), (1e3, "k"), (1e6, "M"), (1e9, "G"), (1e12, "T"), (1e15, "P")];

    /// <summary>An energy in <paramref name="unit"/> ("pJ" or a normalized unit such as "xMAC"), e.g. "16.95 mJ".</summary>
    public static string Energy(double value, string unit)
    {
        if (unit == "pJ") return Ladder(value, Joules);
        var (scale, prefix) = Pick(value, Multipliers);
        return $"{Digits(value / scale)} {prefix}{unit}";
    }

    /// <summary>A time in seconds, e.g. "1.857 ms".</summary>
    public static string Time(double seconds) => Ladder(seconds, Seconds);

    /// <summary>Energy per MAC in <paramref name="unit"/>, e.g. "6.878 pJ/MAC".</summary>
    public static string PerMac(double value, string unit) => $"{Digits(value)} {unit}/MAC";

    /// <summary>Four significant digits, no exponent for the magnitudes the ladders leave.</summary>
    public static string Digits(double value)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        if (value == 0) return "0";
        double a = Math.Abs(value);
        int decimals = a >= 1000 ? 0 : Math.Max(0, 3 - (int)Math.Floor(Math.Log10(a)));
        return Math.Round(value, Math.Min(decimals, 15)).ToString("0." + new string('#', Math.Min(decimals, 15)), CultureInfo.InvariantCulture);
    }

    private static string Ladder(double value, (double Scale, string Unit)[] ladder)
    {
        var (scale, unit) = Pick(value, ladder);
        return $"{Digits(value / scale)} {unit}";
    }

    private static (double, string) Pick(double value, (double Scale, string Name)[] ladder)
    {
        double a = Math.Abs(value);
        var pick = ladder[0];
        foreach (var step in ladder)
            if (a >= step.Scale * 0.9995) pick = step;
        return pick;
    }
}
