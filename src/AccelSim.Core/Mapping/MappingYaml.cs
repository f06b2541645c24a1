using System.Globalization;
using System.Text;
using AccelSim.Architecture;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;
using AccelSim.Workloads;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Mapping;

/// <summary>
/// Saves and loads mappings as YAML so a user can hand-write one and a mapping found once can be replayed.
/// A file holds one mapping (<c>levels:</c> at the top) or one per layer (<c>layers:</c>, each with <c>layer:</c> and
/// <c>levels:</c>), as <c>accelsim run</c> writes to mappings.yaml. Per level: <c>name</c>, <c>temporal</c> (dim: factor),
/// <c>order</c> (outermost first; unlisted dims follow), <c>spatial_x</c>, <c>spatial_y</c>, <c>keeps</c>. Missing factors are 1.
/// Flattened axes (<see cref="FlattenGroup"/>): <c>flatten: [[P, Q]]</c> beside <c>levels:</c>, and the joint dim's factors
/// and order under its name (<c>P*Q: 6</c>); a member of a group has no key of its own.
/// </summary>
public static class MappingYaml
{
    /// <summary>One mapping as a YAML document.</summary>
    public static string Write(Accelerator arch, LoopMapping mapping, string? layer = null, ProblemShape? problem = null)
    {
        var text = new StringBuilder();
        text.AppendLine($"arch: {arch.Name}");
        if (layer is not null) text.AppendLine($"layer: {Quote(layer)}");
        if (problem is not null) text.AppendLine($"problem: \"{problem}\"");
        AppendFlatten(text, mapping, "");
        text.AppendLine("levels:");
        AppendLevels(text, arch, mapping, "  ");
        return text.ToString();
    }

    /// <summary>Several layers' mappings as one document (mappings.yaml).</summary>
    public static string WriteMany(Accelerator arch, string model, IEnumerable<(string Layer, ProblemShape Problem, LoopMapping Mapping)> layers)
    {
        var text = new StringBuilder();
        text.AppendLine($"arch: {arch.Name}");
        text.AppendLine($"model: {Quote(model)}");
        text.AppendLine("layers:");
        foreach (var (layer, problem, mapping) in layers)
        {
            text.AppendLine($"  - layer: {Quote(layer)}");
            text.AppendLine($"    problem: \"{problem}\"");
            AppendFlatten(text, mapping, "    ");
            text.AppendLine("    levels:");
            AppendLevels(text, arch, mapping, "      ");
        }
        return text.ToString();
    }

    private static void AppendLevels(StringBuilder text, Accelerator arch, LoopMapping mapping, string indent)
    {
        for (int i = 0; i < mapping.Levels.Count; i++)
        {
            var level = mapping.Levels[i];
            text.AppendLine($"{indent}- name: {arch.Levels[i].Name}");
            text.AppendLine($"{indent}  temporal: {Factors(level.Temporal, mapping)}");
            text.AppendLine($"{indent}  order: [{string.Join(", ", level.Order.Where(d => level.TemporalOf(d) > 1).Select(d => DimName(d, mapping)))}]");
            text.AppendLine($"{indent}  spatial_x: {Factors(level.SpatialX, mapping)}");
            text.AppendLine($"{indent}  spatial_y: {Factors(level.SpatialY, mapping)}");
            text.AppendLine($"{indent}  keeps: [{string.Join(", ", level.Keeps.Members().Select(Tensors.Key))}]");
        }
    }

    private static string Factors(IReadOnlyList<int> factors, LoopMapping mapping) =>
        "{" + string.Join(", ", Dims.All.Where(d => factors[(int)d] > 1).Select(d => $"{DimName(d, mapping)}: {factors[(int)d].ToString(CultureInfo.InvariantCulture)}")) + "}";

    // A flattened group's joint dim is written by its name (P*Q); its factors live on its first member.
    private static string DimName(Dim d, LoopMapping mapping) => mapping.GroupOf(d) is { } g && g.First == d ? g.Name : d.ToString();

    private static void AppendFlatten(StringBuilder text, LoopMapping mapping, string indent)
    {
        if (mapping.IsFlattened)
            text.AppendLine($"{indent}flatten: [{string.Join(", ", mapping.Flatten.Select(g => "[" + string.Join(", ", g.Members) + "]"))}]");
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Loads the mapping of <paramref name="layer"/> (or the only one) from a file.</summary>
    public static LoopMapping Load(string path, Accelerator arch, string? layer = null)
    {
        string text = YamlFrontEnd.ReadFile(path);
        // A Timeloop mapping (top-level mapping: list) is read in Timeloop's dims (Timeloop.TimeloopMappingYaml).
        return Timeloop.TimeloopMappingYaml.Recognizes(text) ? Timeloop.TimeloopMappingYaml.Parse(text, path, arch) : Parse(text, path, arch, layer);
    }

    /// <summary>Parses a mapping document; errors name the file and the field.</summary>
    public static LoopMapping Parse(string text, string source, Accelerator arch, string? layer = null)
    {
        if (YamlFrontEnd.Parse(text, source) is not YamlMappingNode rootNode)
            throw new InputException($"{source}: expected a mapping document with 'levels:' or 'layers:'");
        var root = new YamlMap(rootNode, source, "");
        root.AllowOnly("arch", "model", "layer", "problem", "flatten", "levels", "layers");
        if (root.Sequence("layers") is { } layers)
        {
            var entries = layers.Select(l => YamlMap.Item(l.Node, source, l.Path)).ToList();
            foreach (var e in entries) e.AllowOnly("layer", "problem", "flatten", "levels");
            YamlMap? chosen = layer is null
                ? entries.Count == 1 ? entries[0] : throw new InputException($"{source}: holds {entries.Count} layers; name one with --layer ({string.Join(", ", entries.Select(e => e.String("layer")))})")
                : entries.FirstOrDefault(e => e.String("layer") == layer)
                    ?? throw new InputException($"{source}: no mapping for layer '{layer}' (has {string.Join(", ", entries.Select(e => e.String("layer")))})");
            return ReadLevels(chosen, source, arch);
        }
        return ReadLevels(root, source, arch);
    }

    /// <summary>One layer's entry of a multi-layer file: its name, the problem it was written for (if given), its mapping.</summary>
    public sealed record LayerEntry(string Layer, string? Problem, LoopMapping Mapping, string FieldPath);

    /// <summary>Every layer's mapping of a multi-layer document (<c>layers:</c>), as mappings.yaml holds them.</summary>
    public static IReadOnlyList<LayerEntry> ParseAll(string text, string source, Accelerator arch)
    {
        if (YamlFrontEnd.Parse(text, source) is not YamlMappingNode rootNode)
            throw new InputException($"{source}: expected a mappings document with 'layers:'");
        var root = new YamlMap(rootNode, source, "");
        root.AllowOnly("arch", "model", "layer", "problem", "flatten", "levels", "layers");
        var layers = root.Sequence("layers") ?? throw root.Error("layers", "missing (a run's mappings.yaml lists its layers under 'layers:')");
        if (root.String("arch") is { } archName && !string.Equals(archName, arch.Name, StringComparison.OrdinalIgnoreCase))
            throw root.Error("arch", $"the mappings are for '{archName}', not '{arch.Name}'");
        return layers.Select(l =>
        {
            var entry = YamlMap.Item(l.Node, source, l.Path);
            entry.AllowOnly("layer", "problem", "flatten", "levels");
            return new LayerEntry(entry.RequiredString("layer"), entry.String("problem"), ReadLevels(entry, source, arch), l.Path);
        }).ToList();
    }

    private static LoopMapping ReadLevels(YamlMap owner, string source, Accelerator arch)
    {
        var items = owner.Sequence("levels") ?? throw owner.Error("levels", "missing (required)");
        if (items.Count != arch.Levels.Count)
            throw owner.Error("levels", $"has {items.Count} levels but architecture '{arch.Name}' has {arch.Levels.Count} ({string.Join(", ", arch.Levels.Select(l => l.Name))})");
        var groups = ReadFlatten(owner);
        var levels = new List<LevelMapping>();
        for (int i = 0; i < items.Count; i++)
        {
            var map = YamlMap.Item(items[i].Node, source, items[i].Path);
            map.AllowOnly("name", "temporal", "order", "spatial_x", "spatial_y", "keeps");
            var name = map.String("name");
            if (name is not null && !string.Equals(name, arch.Levels[i].Name, StringComparison.OrdinalIgnoreCase))
                throw map.Error("name", $"level {i} of '{arch.Name}' is '{arch.Levels[i].Name}', not '{name}'");
            var temporal = ReadFactors(map, "temporal", groups);
            var order = ReadOrder(map, groups);
            var keeps = ReadKeeps(map, i == 0 ? TensorSet.All : arch.Levels[i].Storage.Keeps);
            levels.Add(new LevelMapping(temporal, order, ReadFactors(map, "spatial_x", groups), ReadFactors(map, "spatial_y", groups), keeps));
        }
        return new LoopMapping(levels, groups);
    }

    // flatten: [[P, Q], [C, R, S]] (or [P*Q]): the mapping's flattened axes, checked here so a bad group names its field.
    private static IReadOnlyList<FlattenGroup> ReadFlatten(YamlMap owner)
    {
        var items = owner.Sequence("flatten");
        if (items is null) return [];
        var groups = new List<FlattenGroup>();
        foreach (var (node, path) in items)
        {
            var names = node switch
            {
                YamlScalarNode { Value: { } text } => text.Split('*').Select(n => (n.Trim(), path)).ToList(),
                YamlSequenceNode seq => seq.Children.Select((c, k) => c is YamlScalarNode { Value: { } t } ? (t, $"{path}[{k}]")
                    : throw new InputException($"{owner.File}: {path}[{k}]: expected a dim name, got a {YamlMap.Describe(c)}")).ToList(),
                _ => throw new InputException($"{owner.File}: {path}: expected a list of dims such as [P, Q], got a {YamlMap.Describe(node)}"),
            };
            var dims = new List<Dim>();
            foreach (var (text, at) in names)
            {
                if (!Dims.TryParse(text, out var dim)) throw new InputException($"{owner.File}: {at}: '{text}' is not a loop dimension (expected one of N, G, M, C, P, Q, R, S)");
                dims.Add(dim);
            }
            groups.Add(new FlattenGroup([.. dims]));
            if (FlattenRules.GroupProblems(groups).FirstOrDefault() is { } problem) throw new InputException($"{owner.File}: {path}: {problem}");
        }
        return groups;
    }

    // A factor key: a dim, or a flattened group's name (P*Q) whose factor goes on its first member.
    private static Dim ReadDim(YamlMap map, string text, string path, IReadOnlyList<FlattenGroup> groups)
    {
        if (text.Contains('*'))
        {
            var group = groups.FirstOrDefault(g => string.Equals(g.Name, text.Replace(" ", ""), StringComparison.OrdinalIgnoreCase))
                ?? throw new InputException($"{map.File}: {path}: '{text}' is not a flatten group of this mapping ({(groups.Count == 0 ? "no flatten: list" : "flatten: " + string.Join(", ", groups.Select(g => g.Name)))})");
            return group.First;
        }
        if (!Dims.TryParse(text, out var dim)) throw new InputException($"{map.File}: {path}: '{text}' is not a loop dimension (expected one of N, G, M, C, P, Q, R, S)");
        if (groups.FirstOrDefault(g => g.Contains(dim)) is { } owner)
            throw new InputException($"{map.File}: {path}: dim {dim} is flattened into {owner.Name}; give the factor of {owner.Name} instead");
        return dim;
    }

    private static int[] ReadFactors(YamlMap map, string key, IReadOnlyList<FlattenGroup> groups)
    {
        var factors = LevelMapping.Ones();
        var sub = map.Map(key);
        if (sub is null) return factors;
        var seen = new HashSet<Dim>();
        foreach (var dimName in sub.Keys)
        {
            var dim = ReadDim(map, dimName, sub.FieldPath(dimName), groups);
            if (!seen.Add(dim)) throw sub.Error(dimName, $"dim {dim} is given twice");
            factors[(int)dim] = sub.PositiveInt(dimName) ?? 1;
        }
        return factors;
    }

    private static Dim[] ReadOrder(YamlMap map, IReadOnlyList<FlattenGroup> groups)
    {
        var listed = new List<Dim>();
        foreach (var (text, path) in map.NameList("order") ?? [])
        {
            var dim = ReadDim(map, text, path, groups);
            if (listed.Contains(dim)) throw new InputException($"{map.File}: {path}: dim {text} is listed twice");
            listed.Add(dim);
        }
        return listed.Concat(Dims.All.Where(d => !listed.Contains(d))).ToArray();
    }

    private static TensorSet ReadKeeps(YamlMap map, TensorSet fallback)
    {
        var names = map.NameList("keeps");
        if (names is null) return fallback;
        var set = TensorSet.None;
        foreach (var (text, path) in names)
        {
            if (!Tensors.TryParse(text, out var tensor)) throw new InputException($"{map.File}: {path}: '{text}' is not a tensor (weights, inputs, outputs)");
            set |= TensorSets.Of(tensor);
        }
        return set;
    }
}
