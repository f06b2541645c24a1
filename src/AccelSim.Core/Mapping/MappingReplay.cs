using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// The per-layer mappings of a mappings.yaml (as `accelsim run` writes it, possibly hand-edited), replayed by
/// <c>run --mappings</c> instead of a search. A layer's entry must name the model's problem exactly (the <c>problem:</c>
/// line), so a file written for another model, batch or architecture is refused rather than silently misapplied.
/// </summary>
public sealed class MappingReplay
{
    private readonly string _source;
    private readonly IReadOnlyDictionary<string, MappingYaml.LayerEntry> _layers;

    private MappingReplay(string source, IReadOnlyDictionary<string, MappingYaml.LayerEntry> layers)
    {
        _source = source;
        _layers = layers;
    }

    /// <summary>Reads every layer's mapping from <paramref name="path"/> against <paramref name="arch"/>.</summary>
    public static MappingReplay Load(string path, Accelerator arch)
    {
        if (!File.Exists(path)) throw new InputException($"--mappings {path}: no such file");
        var entries = MappingYaml.ParseAll(File.ReadAllText(path), path, arch);
        var byName = new Dictionary<string, MappingYaml.LayerEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
            if (!byName.TryAdd(e.Layer, e)) throw new InputException($"{path}: {e.FieldPath}: layer '{e.Layer}' has a second mapping");
        return new MappingReplay(path, byName);
    }

    /// <summary>The mapping of <paramref name="layer"/>, checked against the problem the model gives it.</summary>
    public LoopMapping For(string layer, ProblemShape problem)
    {
        if (!_layers.TryGetValue(layer, out var entry))
            throw new InputException($"{_source}: no mapping for layer '{layer}' (is the file from another model?)");
        if (entry.Problem is { } written && written != problem.ToString())
            throw new InputException($"{_source}: {entry.FieldPath}: layer '{layer}' was mapped for {written}, but the model gives {problem} (another model or batch?)");
        return entry.Mapping;
    }

    /// <summary>The file, for messages.</summary>
    public string Source => _source;
}
