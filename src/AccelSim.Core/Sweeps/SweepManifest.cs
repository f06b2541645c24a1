using System.Text.Json;
using System.Text.Json.Nodes;
using AccelSim.Common;

namespace AccelSim.Sweeps;

/// <summary>One axis as recorded in sweep.json: key, x-axis label, and each value's text with the number it is plotted at.</summary>
public sealed record ManifestAxis(string Key, string XLabel, IReadOnlyList<(string Text, double X)> Values);

/// <summary>
/// sweep.json: what a sweep output folder holds (architecture, models, axes, total points, shard). `accelsim merge` checks that
/// shards belong to the same sweep and redraws the plots from it without re-parsing architecture files; `accelsim sweep`
/// refuses to resume a folder whose architecture, batch or dataflow differ.
/// </summary>
public sealed record SweepManifest(string Arch, string EnergyUnit, int Batch, string Dataflow, IReadOnlyList<string> Models,
    IReadOnlyList<ManifestAxis> Axes, int Points, string Shard)
{
    /// <summary>The manifest of a plan run as <paramref name="shard"/>.</summary>
    public static SweepManifest Of(SweepPlan plan, SweepShard shard) => new(plan.Arch.Name, plan.Arch.EnergyUnit,
        plan.Options.Batch, plan.Options.Dataflow?.Name ?? "default", plan.Models.Select(m => m.Name).ToArray(),
        plan.Axes.Select(a => new ManifestAxis(a.Key, a.XLabel, a.Values.Select(v => (v.Text, v.X)).ToArray())).ToArray(),
        plan.Points().Count, shard.ToString());

    /// <summary>What a resumed run must share with the folder's earlier runs (the axes' values may grow).</summary>
    public string Setting => $"arch {Arch}, batch {Batch}, dataflow {Dataflow}";

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
            ["models"] = new JsonArray(m.Models.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            ["axes"] = axes,
            ["points"] = m.Points,
            ["shard"] = m.Shard,
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads sweep.json; a missing or broken file is an InputException naming it.</summary>
    public static SweepManifest Read(string path)
    {
        try
        {
            var doc = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var axes = doc["axes"]!.AsArray().Select(a => new ManifestAxis((string)a!["key"]!, (string)a["x_label"]!,
                a["values"]!.AsArray().Select(v => ((string)v!["text"]!, (double)v["x"]!)).ToArray())).ToArray();
            return new SweepManifest((string)doc["arch"]!, (string)doc["energy_unit"]!, (int)doc["batch"]!, (string)doc["dataflow"]!,
                doc["models"]!.AsArray().Select(s => (string)s!).ToArray(),
                axes, (int)doc["points"]!, (string)doc["shard"]!);
        }
        catch (Exception e) when (e is IOException or JsonException or NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new InputException($"{path}: not a readable sweep manifest: {e.Message}");
        }
    }
}
