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
            text.AppendLine($"{indent}  temporal: {Factors(level.Temporal)}");
            text.AppendLine($"{indent}  order: [{string.Join(", ", level.Order.Where(d => level.TemporalOf(d) > 1))}]");
            text.AppendLine($"{indent}  spatial_x: {Factors(level.SpatialX)}");
            text.AppendLine($"{indent}  spatial_y: {Factors(level.SpatialY)}");
            text.AppendLine($"{indent}  keeps: [{string.Join(", ", level.Keeps.Members().Select(Tensors.Key))}]");
        }
    }

    private static string Factors(IReadOnlyList<int> factors) =>
        "{" + string.Join(", ", Dims.All.Where(d => factors[(int)d] > 1).Select(d => $"{d}: {factors[(int)d].ToString(CultureInfo.InvariantCulture)}")) + "}";

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
        root.AllowOnly("arch", "model", "layer", "problem", "levels", "layers");
        if (root.Sequence("layers") is { } layers)
        {
            var entries = layers.Select(l => YamlMap.Item(l.Node, source, l.Path)).ToList();
            foreach (var e in entries) e.AllowOnly("layer", "problem", "levels");
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
        root.AllowOnly("arch", "model", "layer", "problem", "levels", "layers");
        var layers = root.Sequence("layers") ?? throw root.Error("layers", "missing (a run's mappings.yaml lists its layers under 'layers:')");
        if (root.String("arch") is { } archName && !string.Equals(archName, arch.Name, StringComparison.OrdinalIgnoreCase))
            throw root.Error("arch", $"the mappings are for '{archName}', not '{arch.Name}'");
        return layers.Select(l =>
        {
            var entry = YamlMap.Item(l.Node, source, l.Path);
            entry.AllowOnly("layer", "problem", "levels");
            return new LayerEntry(entry.RequiredString("layer"), entry.String("problem"), ReadLevels(entry, source, arch), l.Path);
        }).ToList();
    }

    private static LoopMapping ReadLevels(YamlMap owner, string source, Accelerator arch)
    {
        var items = owner.Sequence("levels") ?? throw owner.Error("levels", "missing (required)");
        if (items.Count != arch.Levels.Count)
            throw owner.Error("levels", $"has {items.Count} levels but architecture '{arch.Name}' has {arch.Levels.Count} ({string.Join(", ", arch.Levels.Select(l => l.Name))})");
        var levels = new List<LevelMapping>();
        for (int i = 0; i < items.Count; i++)
        {
            var map = YamlMap.Item(items[i].Node, source, items[i].Path);
            map.AllowOnly("name", "temporal", "order", "spatial_x", "spatial_y", "keeps");
            var name = map.String("name");
            if (name is not null && !string.Equals(name, arch.Levels[i].Name, StringComparison.OrdinalIgnoreCase))
                throw map.Error("name", $"level {i} of '{arch.Name}' is '{arch.Levels[i].Name}', not '{name}'");
            var temporal = ReadFactors(map, "temporal");
            var order = ReadOrder(map);
            var keeps = ReadKeeps(map, i == 0 ? TensorSet.All : arch.Levels[i].Storage.Keeps);
            levels.Add(new LevelMapping(temporal, order, ReadFactors(map, "spatial_x"), ReadFactors(map, "spatial_y"), keeps));
        }
        return new LoopMapping(levels);
    }

    private static int[] ReadFactors(YamlMap map, string key)
    {
        var factors = LevelMapping.Ones();
        var sub = map.Map(key);
        if (sub is null) return factors;
        var seen = new HashSet<Dim>();
        foreach (var dimName in sub.Keys)
        {
            if (!Dims.TryParse(dimName, out var dim)) throw sub.Error(dimName, "not a loop dimension (expected one of N, G, M, C, P, Q, R, S)");
            if (!seen.Add(dim)) throw sub.Error(dimName, $"dim {dim} is given twice");
            factors[(int)dim] = sub.PositiveInt(dimName) ?? 1;
        }
        return factors;
    }

    private static Dim[] ReadOrder(YamlMap map)
    {
        var listed = new List<Dim>();
        foreach (var (text, path) in map.NameList("order") ?? [])
        {
            if (!Dims.TryParse(text, out var dim)) throw new InputException($"{map.File}: {path}: '{text}' is not a loop dimension");
            if (listed.Contains(dim)) throw new InputException($"{map.File}: {path}: dim {dim} is listed twice");
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
