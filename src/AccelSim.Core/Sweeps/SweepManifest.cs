using System.Text.Json;
using System.Text.Json.Nodes;
using AccelSim.Common;

namespace AccelSim.Sweeps;

/// <summary>One axis as recorded in sweep.json: key, x-axis label, and each value's text with the number it is plotted at.</summary>
public sealed record ManifestAxis(string Key, string XLabel, IReadOnlyList<(string Text, double X)> Values);

/// <summary>
/// sweep.json: what a sweep output folder holds (architecture, models, axes, total points, shard). `accelsim merge` checks that
/// shards belong to the same sweep and redraws the plots from it without re-parsing architecture files; `accelsim sweep`
/// refuses to resume a folder whose architecture, batch, dataflow or search differ. <see cref="Search"/> is the mapper's
/// search, "exhaustive" (the sound search, the default since session 11) or "fast" (<c>--fast</c>); a manifest written
/// before it was recorded reads as "fast", the only search sweeps ran then.
/// </summary>
public sealed record SweepManifest(string Arch, string EnergyUnit, int Batch, string Dataflow, IReadOnlyList<string> Models,
    IReadOnlyList<ManifestAxis> Axes, int Points, string Shard, string Search = SweepManifest.FastSearch)
{
    /// <summary>The recorded names of the two searches.</summary>
    public const string FastSearch = "fast", SoundSearch = "exhaustive";

    /// <summary>The manifest of a plan run as <paramref name="shard"/>.</summary>
    public static SweepManifest Of(SweepPlan plan, SweepShard shard) => new(plan.Arch.Name, plan.Arch.EnergyUnit,
        plan.Options.Batch, plan.Options.Dataflow?.Name ?? "default", plan.Models.Select(m => m.Name).ToArray(),
        plan.Axes.Select(a => new ManifestAxis(a.Key, a.XLabel, a.Values.Select(v => (v.Text, v.X)).ToArray())).ToArray(),
        plan.Points().Count, shard.ToString(), plan.Options.Mapper.AsksSound ? SoundSearch : FastSearch);

    /// <summary>What a resumed run must share with the folder's earlier runs (the axes' values may grow).</summary>
    public string Setting => $"arch {Arch}, batch {Batch}, dataflow {Dataflow}, search {Search}";

    /// <summary>Everything but the shard, for checking that shards belong together.</summary>
    public string Identity => ToJson(this with { Shard = "" });

    /// <summary>The JSON text.</summary>
    public static string ToJson(SweepManifest m)
    {
        var axes = new JsonArray();
        foreach (var a in m.Axes)
        {
            var values = new JsonArray();
            foreach (var (text, x) in a.Values) values.Add(new JsonObject { ["text"] = text, ["x"] = x });
            axes.Add(new JsonObject { ["key"] = a.Key, ["x_label"] = a.XLabel, ["values"] = values });
        }
        var doc = new JsonObject
        {
            ["arch"] = m.Arch,
            ["energy_unit"] = m.EnergyUnit,
            ["batch"] = m.Batch,
            ["dataflow"] = m.Dataflow,
            ["search"] = m.Search,
            ["models"] = new JsonArray(m.Models.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["axes"] = axes,
            ["points"] = m.Points,
            ["shard"] = m.Shard,
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Most points a sweep may have: far above any real sweep, and a bound on what a merge allocates.</summary>
    public const int MaxPoints = 1_000_000;

    /// <summary>Reads sweep.json; a missing or broken file is an InputException naming it and the field.</summary>
    public static SweepManifest Read(string path)
    {
        JsonObject doc;
        try { doc = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InputException($"{path}: (top level): expected a JSON object"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InputException($"{path}: not a readable sweep manifest: {e.Message}");
        }
        var fields = new ManifestFields(doc, path);
        var axes = fields.Array(doc, "axes").Select((a, i) =>
        {
            var axis = fields.Object(a, $"axes[{i}]");
            return new ManifestAxis(fields.Text(axis, "key"), fields.Text(axis, "x_label"), fields.Array(axis, "values").Select((v, j) =>
            {
                var value = fields.Object(v, $"axes[{i}].values[{j}]");
                return (fields.Text(value, "text"), fields.Number(value, "x"));
            }).ToArray());
        }).ToArray();
        return new SweepManifest(fields.Text(doc, "arch"), fields.Text(doc, "energy_unit"), fields.Int(doc, "batch", 1, int.MaxValue),
            fields.Text(doc, "dataflow"), fields.Array(doc, "models").Select((m, i) => fields.Text(m, $"models[{i}]")).ToArray(),
            axes, fields.Int(doc, "points", 0, MaxPoints), fields.Text(doc, "shard"), fields.Search(doc));
    }

    /// <summary>Typed fields of sweep.json, each failure one line naming the file and the field.</summary>
    private sealed class ManifestFields(JsonObject root, string path)
    {
        private readonly Dictionary<JsonNode, string> _paths = new(ReferenceEqualityComparer.Instance) { [root] = "" };

        private string Where(JsonObject owner, string key) => _paths.GetValueOrDefault(owner, "") is { Length: > 0 } p ? $"{p}.{key}" : key;

        private JsonNode Required(JsonObject owner, string key) =>
            owner[key] ?? throw new InputException($"{path}: {Where(owner, key)}: missing");

        private InputException Wrong(string field, string expected, JsonNode? node) =>
            new($"{path}: {field}: expected {expected}, got {(node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant())}");

        public string Text(JsonObject owner, string key) => Text(Required(owner, key), Where(owner, key));

        public string Text(JsonNode? node, string field) =>
            node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Wrong(field, "a string", node);

        public string Search(JsonObject owner)
        {
            if (owner["search"] is null) return FastSearch;
            string search = Text(owner, "search");
            return search is FastSearch or SoundSearch ? search
                : throw new InputException($"{path}: search: expected \"{FastSearch}\" or \"{SoundSearch}\", got \"{search}\"");
        }

        public double Number(JsonObject owner, string key)
        {
            var node = Required(owner, key);
            return node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : throw Wrong(Where(owner, key), "a number", node);
        }

        public int Int(JsonObject owner, string key, int min, int max)
        {
            var node = Required(owner, key);
            string field = Where(owner, key);
            if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) throw Wrong(field, "a whole number", node);
            double value = v.GetValue<double>();
            if (value != Math.Floor(value) || value < min || value > max)
                throw new InputException($"{path}: {field}: expected a whole number from {min} to {max}, got {v.ToJsonString()}");
            return (int)value;
        }

        public JsonArray Array(JsonObject owner, string key) =>
            Required(owner, key) as JsonArray ?? throw Wrong(Where(owner, key), "a list", owner[key]);

        public JsonObject Object(JsonNode? node, string field)
        {
            if (node is not JsonObject obj) throw Wrong(field, "an object", node);
            _paths[obj] = field;
            return obj;
        }
    }
}
