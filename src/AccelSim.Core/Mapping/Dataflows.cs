using AccelSim.Architecture;
using AccelSim.Common;

namespace AccelSim.Mapping;

/// <summary>
/// The shipped dataflows (dataflows/*.yaml: ws, os, is, rs, nlr and rs-timeloop, embedded in the assembly so they always
/// load) and user-defined ones from a file in the same format.
/// </summary>
public static class Dataflows
{
    private static readonly Lazy<IReadOnlyList<Dataflow>> Shipped = new(() =>
        EmbeddedNames().Select(LoadEmbedded).ToArray());

    /// <summary>Weight stationary (dataflows/ws.yaml).</summary>
    public static Dataflow WeightStationary => Get(DataflowNames.WeightStationary);

    /// <summary>Output stationary (dataflows/os.yaml).</summary>
    public static Dataflow OutputStationary => Get(DataflowNames.OutputStationary);

    /// <summary>Input stationary (dataflows/is.yaml).</summary>
    public static Dataflow InputStationary => Get(DataflowNames.InputStationary);

    /// <summary>Row stationary as Chen et al., ISCA 2016 (dataflows/rs.yaml).</summary>
    public static Dataflow RowStationary => Get(DataflowNames.RowStationary);

    /// <summary>No local reuse (dataflows/nlr.yaml).</summary>
    public static Dataflow NoLocalReuse => Get(DataflowNames.NoLocalReuse);

    /// <summary>Timeloop's eyeriss_like constraint set (dataflows/rs-timeloop.yaml).</summary>
    public static Dataflow RowStationaryTimeloop => Get(DataflowNames.RowStationaryTimeloop);

    /// <summary>The five classic dataflows, in the order of the Eyeriss comparison.</summary>
    public static IReadOnlyList<Dataflow> All => DataflowNames.All.Select(Get).ToArray();

    /// <summary>
    /// A shipped dataflow by name or alias (ws, os, is, rs, nlr, rs-timeloop), or a user's dataflow file (a path to a YAML
    /// file); throws <see cref="InputException"/> when neither.
    /// </summary>
    public static Dataflow Get(string nameOrPath)
    {
        string? canonical = DataflowNames.Canonical(nameOrPath);
        var shipped = Shipped.Value.FirstOrDefault(d => d.Name == canonical
            || d.Aliases.Contains(nameOrPath.Trim(), StringComparer.OrdinalIgnoreCase));
        if (shipped is not null) return shipped;
        if (File.Exists(nameOrPath)) return DataflowYaml.Parse(YamlFrontEnd.ReadFile(nameOrPath), nameOrPath);
        throw new InputException($"unknown dataflow '{nameOrPath}' (known: {string.Join(", ", Shipped.Value.Select(d => d.Name))}; or a dataflow YAML file)");
    }

    private static IEnumerable<string> EmbeddedNames() =>
        typeof(Dataflows).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("AccelSim.Dataflows.", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static Dataflow LoadEmbedded(string resource)
    {
        using var stream = typeof(Dataflows).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return DataflowYaml.Parse(reader.ReadToEnd(), "dataflows/" + resource["AccelSim.Dataflows.".Length..]);
    }
}
