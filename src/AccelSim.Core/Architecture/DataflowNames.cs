namespace AccelSim.Architecture;

/// <summary>The dataflow names an architecture may list (SPEC §3: each is a set of mapping constraints).</summary>
public static class DataflowNames
{
    public const string WeightStationary = "weight-stationary";
    public const string OutputStationary = "output-stationary";
    public const string InputStationary = "input-stationary";
    public const string RowStationary = "row-stationary";
    public const string NoLocalReuse = "no-local-reuse";
    /// <summary>Timeloop's shipped eyeriss_like constraint set, a second row-stationary variant (dataflows/rs-timeloop.yaml).</summary>
    public const string RowStationaryTimeloop = "rs-timeloop";

    /// <summary>All five, in the order of the Eyeriss comparison.</summary>
    public static readonly IReadOnlyList<string> All = [WeightStationary, OutputStationary, InputStationary, RowStationary, NoLocalReuse];

    /// <summary>Every shipped dataflow: the five and <see cref="RowStationaryTimeloop"/>.</summary>
    public static readonly IReadOnlyList<string> Shipped = [.. All, RowStationaryTimeloop];

    /// <summary>Canonical name for a name or its abbreviation (ws, os, is, rs, nlr), case-insensitive; null when unknown.</summary>
    public static string? Canonical(string text) => text.Trim().ToLowerInvariant() switch
    {
        "weight-stationary" or "ws" => WeightStationary,
        "output-stationary" or "os" => OutputStationary,
        "input-stationary" or "is" => InputStationary,
        "row-stationary" or "rs" => RowStationary,
        "no-local-reuse" or "nlr" => NoLocalReuse,
        "rs-timeloop" or "row-stationary-timeloop" => RowStationaryTimeloop,
        _ => null,
    };
}
