namespace AccelSim.Energy;

/// <summary>The built-in energy tables, by name.</summary>
public static class EnergyTables
{
    private static readonly EnergyTable[] BuiltIn = [new EyerissNormalizedTable(), new Horowitz45nmTable(), new Accelergy65nmTable()];

    /// <summary>Names of the built-in tables.</summary>
    public static IReadOnlyList<string> Names => BuiltIn.Select(t => t.Name).ToArray();

    /// <summary>The built-in table named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static EnergyTable? Find(string name) =>
        BuiltIn.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The normalized Eyeriss table.</summary>
    public static EnergyTable EyerissNormalized => BuiltIn[0];

    /// <summary>The 45 nm Horowitz table.</summary>
    public static EnergyTable Horowitz45nm => BuiltIn[1];

    /// <summary>The 65 nm table from Accelergy's estimates for Timeloop's eyeriss_like.</summary>
    public static EnergyTable Accelergy65nm => BuiltIn[2];
}
