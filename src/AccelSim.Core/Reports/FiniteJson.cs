using System.Text.Json.Nodes;

namespace AccelSim.Reports;

/// <summary>
/// JSON has no Infinity or NaN: a figure that is not finite (an unbounded DRAM bandwidth, a rate over zero seconds) is
/// written as null, meaning "no finite value", instead of aborting the writer.
/// </summary>
public static class FiniteJson
{
    /// <summary>Replaces every non-finite number below <paramref name="node"/> by null, in place; returns the node.</summary>
    public static T Clean<T>(T node) where T : JsonNode
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToArray())
                    if (obj[key] is { } child && !IsFinite(child)) obj[key] = null;
                    else if (obj[key] is { } inner) Clean(inner);
                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                    if (array[i] is { } child && !IsFinite(child)) array[i] = null;
                    else if (array[i] is { } inner) Clean(inner);
                break;
        }
        return node;
    }

    private static bool IsFinite(JsonNode node) =>
        node is not JsonValue value
        || (!value.TryGetValue(out double d) || double.IsFinite(d)) && (!value.TryGetValue(out float f) || float.IsFinite(f));
}
