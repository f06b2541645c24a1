namespace AccelSim.Reports;

/// <summary>
/// Reads results written before the unit-free schema (AccelSim 0.1: <c>energy_pj</c>, <c>pj_per_mac</c>,
/// <c>energy_&lt;level&gt;_pj</c>, unit "MAC" for normalized tables). Those columns held the table's unit whatever their
/// name said; the rename keeps the values and takes the unit from <c>energy_unit</c>, so `plot` and `merge` still read
/// old folders.
/// </summary>
public static class LegacyColumns
{
    /// <summary>The current name of a column or key, whichever schema wrote it.</summary>
    public static string Current(string name) => name switch
    {
        "pj_per_mac" or "energy_per_mac_pj" => "energy_per_mac",
        "energy_per_inference_pj" => "energy_per_inference",
        "edp_pj_s" => "edp",
        "energy_by_level_pj" => "energy_by_level",
        _ when name.EndsWith("_pj", StringComparison.Ordinal) => name[..^"_pj".Length],
        _ => name,
    };

    /// <summary>The 0.1 name of a summary key that was renamed, or null.</summary>
    public static string? Former(string key) => key switch
    {
        "energy" => "energy_pj",
        "energy_per_mac" => "pj_per_mac",
        "energy_by_level" => "energy_by_level_pj",
        _ => null,
    };

    /// <summary>The current name of an energy unit: 0.1 called normalized energies "MAC".</summary>
    public static string CurrentUnit(string unit) => unit == "MAC" ? "xMAC" : unit;

    /// <summary>True when a header was written by the 0.1 schema.</summary>
    public static bool IsLegacy(IEnumerable<string> header) => header.Any(h => h.EndsWith("_pj", StringComparison.Ordinal) || h == "pj_per_mac");
}
