namespace AccelSim.Architecture;

/// <summary>The dataflow names an architecture may list (SPEC §3: each is a set of mapping constraints).</summary>
public static class DataflowNames
{
    public const string WeightStationary = "weight-stationary";
    public const string OutputStationary = "output-stationary";
    public const string InputStationary = "input-stationary";
    public const string RowStationary = "row-stationary";
    public const string NoLocalReuse = "no-local-reuse";

    /// <summary>All five, in the order of the Eyeriss comparison.</summary>
    public static readonly IReadOnlyList<string> All = [WeightStationary, OutputStationary, InputStationary, RowStationary, NoLocalReuse];

    /// <summary>Canonical name for a name or its abbreviation (ws, os, is, rs, nlr), case-insensitive; null when unknown.</summary>
    public static string? Canonical(string text) => text.Trim().ToLowerInvariant() switch
    {
        "weight-stationary" or "ws" => WeightStationary,
        "output-stationary" or "os" => OutputStationary,
        "input-stationary" or "is" => InputStationary,
        "row-stationary" or "rs" => RowStationary,
        "no-local-reuse" or "nlr" => NoLocalReuse,
        _ => null,
    };
}
