using System.Globalization;

namespace AccelSim.Cli.Commands;

/// <summary>Human-readable sizes, rates and energies for the CLI's reports.</summary>
internal static class Units
{
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        int u = 0;
        while (bytes >= 1024 && u < units.Length - 1) { bytes /= 1024; u++; }
        return $"{bytes.ToString(bytes == Math.Floor(bytes) ? "0" : "0.##", CultureInfo.InvariantCulture)} {units[u]}";
    }

    public static string Clock(double hz) => hz >= 1e9
        ? $"{(hz / 1e9).ToString("0.###", CultureInfo.InvariantCulture)} GHz"
        : $"{(hz / 1e6).ToString("0.###", CultureInfo.InvariantCulture)} MHz";

    public static string Number(double value) => double.IsPositiveInfinity(value)
        ? "unbounded"
        : value.ToString(Math.Abs(value) >= 100 ? "#,0.#" : "0.####", CultureInfo.InvariantCulture);
}
