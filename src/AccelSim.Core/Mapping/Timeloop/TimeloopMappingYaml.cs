using System.Globalization;
using System.Text;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Workloads;
using AccelSim.Workloads.Timeloop;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Mapping.Timeloop;

/// <summary>
/// Mappings in Timeloop's format (the <c>mapping:</c> list timeloop-model reads): per storage level a
/// <c>type: temporal</c> entry (factors, permutation innermost first), a <c>type: spatial</c> entry for the fan-out below it
/// (factors, permutation, <c>split</c>: the first <c>split</c> dims of the permutation run along X, the rest along Y) and a
/// <c>type: datatype</c> entry (keep, bypass). Targets are the architecture's level names. Dims are Timeloop's
/// (<see cref="TimeloopDims"/>: Timeloop P/R are AccelSim Q/S). What has no Timeloop form is refused by name: groups
/// (G &gt; 1; conv2D has no G) and one dim unrolled along both array axes at one level (Timeloop has one spatial factor per
/// dim and level); so are targets that are not levels of the architecture.
/// </summary>
public static class TimeloopMappingYaml
{
    /// <summary>
    /// The mapping as a Timeloop mapping document, to be written to <paramref name="file"/> (named in the one-line refusal
    /// of a mapping Timeloop's format cannot express).
    /// </summary>
    public static string Write(Accelerator arch, LoopMapping mapping, string file = "--save-timeloop")
    {
        var text = new StringBuilder("mapping:\n");
        for (int i = 0; i < mapping.Levels.Count; i++)
        {
            var level = mapping.Levels[i];
            string target = arch.Levels[i].Name;
            foreach (var d in Dims.All)
                if (TimeloopDims.ToTimeloop(d) is null && (level.TemporalOf(d) > 1 || level.SpatialOf(d) > 1))
                    throw new InputException($"{file}: level {target}: dim {d} (groups) has no Timeloop conv2D form; export a mapping with G = 1 everywhere");
            // Timeloop permutations list loops innermost first; AccelSim's order is outermost first.
            var inner = level.Order.Reverse().Where(d => d != Dim.G).Select(d => TimeloopDims.ToTimeloop(d)!).ToList();
            text.Append($"  - target: {target}\n    type: temporal\n    factors: {Factors(level.Temporal)}\n    permutation: {string.Concat(inner)}\n");
            if (arch.Levels[i].Fanout is not null)
            {
                var x = Dims.All.Where(d => level.SpatialX[(int)d] > 1).ToList();
                var y = Dims.All.Where(d => level.SpatialY[(int)d] > 1).ToList();
                // Timeloop gives one spatial factor per dim and level; a dim split over both axes has no form there.
                var both = x.Intersect(y).ToList();
                if (both.Count > 0)
                    throw new InputException($"{file}: level {target}: dim {both[0]} is unrolled along both X and Y; Timeloop's mapping gives one spatial factor per dim and level");
                var rest = Dims.All.Where(d => d != Dim.G && !x.Contains(d) && !y.Contains(d));
                var spatialFactors = LevelMapping.Ones();
                foreach (var d in Dims.All) spatialFactors[(int)d] = level.SpatialX[(int)d] * level.SpatialY[(int)d];
                string permutation = string.Concat(x.Concat(y).Concat(rest).Select(d => TimeloopDims.ToTimeloop(d)!));
                text.Append($"  - target: {target}\n    type: spatial\n    factors: {Factors(spatialFactors)}\n    permutation: {permutation}\n    split: {x.Count}\n");
            }
            var keep = Tensors.All.Where(t => level.Keeps.Has(t)).Select(Name).ToList();
            var bypass = Tensors.All.Where(t => !level.Keeps.Has(t)).Select(Name).ToList();
            text.Append($"  - target: {target}\n    type: datatype\n    keep: [{string.Join(", ", keep)}]\n    bypass: [{string.Join(", ", bypass)}]\n");
        }
        return text.ToString();
    }

    private static string Factors(IReadOnlyList<int> factors) =>
        string.Join(" ", TimeloopDims.Names.Select(n => $"{n}={factors[(int)TimeloopDims.ToAccelSim(n)!.Value].ToString(CultureInfo.InvariantCulture)}"));

    private static string Name(TensorKind t) => t switch
    {
        TensorKind.Weights => "Weights",
        TensorKind.Inputs => "Inputs",
        _ => "Outputs",
    };

    /// <summary>True when the text's top level is a Timeloop <c>mapping:</c> list.</summary>
    public static bool Recognizes(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) is { } first
        && first.StartsWith("mapping:", StringComparison.Ordinal);

    /// <summary>Parses a Timeloop mapping against <paramref name="arch"/>; errors name the file and the entry.</summary>
    public static LoopMapping Parse(string text, string source, Accelerator arch)
    {
        // The shared front end: size, depth, one document, no duplicate keys or aliases, one line per parser failure.
        if (YamlFrontEnd.Parse(text, source) is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("mapping"), out var listNode) || listNode is not YamlSequenceNode list)
            throw new InputException($"{source}: mapping: expected a Timeloop mapping list under a top-level 'mapping:'");
        int levels = arch.Levels.Count;
        var temporal = Enumerable.Range(0, levels).Select(_ => LevelMapping.Ones()).ToArray();
        var spatialX = Enumerable.Range(0, levels).Select(_ => LevelMapping.Ones()).ToArray();
        var spatialY = Enumerable.Range(0, levels).Select(_ => LevelMapping.Ones()).ToArray();
        var order = new Dim[levels][];
        var keeps = Enumerable.Range(0, levels).Select(i => i == 0 ? TensorSet.All : arch.Levels[i].Storage.Keeps).ToArray();
        var seen = new HashSet<(int, string)>();
        for (int e = 0; e < list.Children.Count; e++)
        {
            string at = $"mapping[{e}]";
            if (list.Children[e] is not YamlMappingNode entry) throw new InputException($"{source}: {at}: expected a mapping entry");
            string target = Scalar(entry, "target") ?? throw new InputException($"{source}: {at}.target: missing");
            int level = arch.Levels.ToList().FindIndex(l => string.Equals(l.Name, target, StringComparison.OrdinalIgnoreCase));
            if (level < 0) throw new InputException($"{source}: {at}.target: '{target}' is not a level of '{arch.Name}' ({string.Join(", ", arch.Levels.Select(l => l.Name))})");
            string type = (Scalar(entry, "type") ?? throw new InputException($"{source}: {at}.type: missing")).ToLowerInvariant();
            if (!seen.Add((level, type == "bypass" ? "datatype" : type))) throw new InputException($"{source}: {at}: a second {type} entry for {target}");
            switch (type)
            {
                case "temporal":
                    ReadFactors(source, at, entry, temporal[level]);
                    order[level] = Enumerable.Reverse(ReadPermutation(source, at, entry)).ToArray();
                    break;
                case "spatial":
                    if (arch.Levels[level].Fanout is null) throw new InputException($"{source}: {at}: level {target} has no spatial fan-out below it");
                    var factors = LevelMapping.Ones();
                    ReadFactors(source, at, entry, factors);
                    var permutation = ReadPermutation(source, at, entry);
                    string splitText = Scalar(entry, "split") ?? "0";
                    if (!int.TryParse(splitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int split) || split < 0)
                        throw new InputException($"{source}: {at}.split: expected a non-negative integer, got '{splitText}'");
                    for (int k = 0; k < permutation.Count; k++)
                    {
                        var d = permutation[k];
                        (k < split ? spatialX : spatialY)[level][(int)d] = factors[(int)d];
                    }
                    break;
                case "datatype" or "bypass":
                    keeps[level] = ReadKeeps(source, at, entry, keeps[level]);
                    break;
                default:
                    throw new InputException($"{source}: {at}.type: '{type}' (expected temporal, spatial or datatype)");
            }
        }
        return new LoopMapping(Enumerable.Range(0, levels).Select(i =>
            new LevelMapping(temporal[i], Complete(order[i]), spatialX[i], spatialY[i], keeps[i])).ToList());
    }

    // Listed dims outermost first, then the rest (G, and any the permutation left out).
    private static Dim[] Complete(Dim[]? listed) =>
        [.. listed ?? [], .. Dims.All.Where(d => listed is null || !listed.Contains(d))];

    private static void ReadFactors(string source, string at, YamlMappingNode entry, int[] into)
    {
        string text = Scalar(entry, "factors") ?? "";
        foreach (var item in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = item[..1], value = item[1..].TrimStart('=');
            var dim = TimeloopDims.ToAccelSim(name) ?? throw new InputException($"{source}: {at}.factors: '{item}': '{name}' is not a conv2D dim");
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int f) || f < 1)
                throw new InputException($"{source}: {at}.factors: '{item}': the factor must be a positive integer");
            into[(int)dim] = f;
        }
    }

    private static List<Dim> ReadPermutation(string source, string at, YamlMappingNode entry)
    {
        var dims = new List<Dim>();
        foreach (char c in Scalar(entry, "permutation") ?? "")
        {
            if (char.IsWhiteSpace(c)) continue;
            var dim = TimeloopDims.ToAccelSim(c.ToString()) ?? throw new InputException($"{source}: {at}.permutation: '{c}' is not a conv2D dim");
            if (dims.Contains(dim)) throw new InputException($"{source}: {at}.permutation: '{c}' appears twice");
            dims.Add(dim);
        }
        return dims;
    }

    private static TensorSet ReadKeeps(string source, string at, YamlMappingNode entry, TensorSet current)
    {
        foreach (var (key, keep) in new[] { ("keep", true), ("bypass", false) })
        {
            if (!entry.Children.TryGetValue(new YamlScalarNode(key), out var node)) continue;
            if (node is not YamlSequenceNode names) throw new InputException($"{source}: {at}.{key}: expected a list of data spaces");
            foreach (var n in names.Children)
            {
                string name = (n as YamlScalarNode)?.Value ?? "";
                if (!Tensors.TryParse(name, out var tensor)) throw new InputException($"{source}: {at}.{key}: '{name}' is not Weights, Inputs or Outputs");
                current = keep ? current | TensorSets.Of(tensor) : current & ~TensorSets.Of(tensor);
            }
        }
        return current;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;
}
