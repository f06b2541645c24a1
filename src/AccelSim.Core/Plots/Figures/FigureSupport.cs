namespace AccelSim.Plots.Figures;

/// <summary>Small pieces the figure builders share.</summary>
internal static class FigureSupport
{
    /// <summary>Keys of all dictionaries, in first-seen order.</summary>
    public static IReadOnlyList<string> Keys(IEnumerable<IReadOnlyDictionary<string, double>> maps)
    {
        var seen = new HashSet<string>();
        var keys = new List<string>();
        foreach (var map in maps)
        {
            foreach (string key in map.Keys)
            {
                if (seen.Add(key)) keys.Add(key);
            }
        }
        return keys;
    }

    public static double Share(double part, double total) => total > 0 ? part / total * 100.0 : 0;

    /// <summary>True when the last row sums the layers not shown (<see cref="LayerSelection.ForBars"/>).</summary>
    public static bool Aggregated(IReadOnlyList<LayerFigureData> rows) => rows.Count > 0 && rows[^1].Class == "other";

    /// <summary>A note saying how the rows of a per-layer chart were chosen.</summary>
    public static string SelectionNote(IReadOnlyList<LayerFigureData> rows) =>
        Aggregated(rows)
            ? $"The {LayerSelection.MaxBars} layers whose cost departs most from their MACs, in model order; the rest summed in the last bar, which may run off the scale (its values are in its label and the CSV). Fused activations are folded into their producer."
            : "Every layer in model order; fused activations are folded into their producer.";

    /// <summary>Category labels of a per-layer chart; the aggregate's label carries its value(s), since its bar may be clipped.</summary>
    public static string[] Categories(IReadOnlyList<LayerFigureData> rows, Func<LayerFigureData, string> aggregateValue) =>
        rows.Select((l, i) => Aggregated(rows) && i == rows.Count - 1 ? $"{l.Layer} ({aggregateValue(l)})" : l.Layer).ToArray();
}
