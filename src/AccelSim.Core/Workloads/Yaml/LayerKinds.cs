namespace AccelSim.Workloads.Yaml;

/// <summary>The YAML name of each <see cref="LayerKind"/> ("fc" for fully connected; the others are lower-case).</summary>
public static class LayerKinds
{
    private static readonly Dictionary<string, LayerKind> ByName = new(StringComparer.Ordinal)
    {
        ["input"] = LayerKind.Input, ["conv"] = LayerKind.Conv, ["fc"] = LayerKind.FullyConnected,
        ["matmul"] = LayerKind.MatMul, ["maxpool"] = LayerKind.MaxPool, ["avgpool"] = LayerKind.AvgPool,
        ["globalavgpool"] = LayerKind.GlobalAvgPool, ["add"] = LayerKind.Add, ["concat"] = LayerKind.Concat,
        ["channelshuffle"] = LayerKind.ChannelShuffle, ["scale"] = LayerKind.Scale, ["activation"] = LayerKind.Activation,
        ["slice"] = LayerKind.Slice,
    };

    /// <summary>All YAML kind names.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The YAML name of a kind.</summary>
    public static string NameOf(LayerKind kind) => kind == LayerKind.FullyConnected ? "fc" : kind.ToString().ToLowerInvariant();

    /// <summary>Parses a YAML kind name (exact, lower-case; "fullyconnected" and "linear" are accepted for "fc").</summary>
    public static bool TryParse(string name, out LayerKind kind)
    {
        if (name is "fullyconnected" or "linear") { kind = LayerKind.FullyConnected; return true; }
        return ByName.TryGetValue(name, out kind);
    }
}
