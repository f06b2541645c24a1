using AccelSim.Architecture.Yaml;
using AccelSim.Common;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Sparsity;

/// <summary>
/// Per-layer densities from a side file (<c>run --densities FILE</c>, docs/sparsity.md):
/// <c>layers: {conv2: {inputs: 0.613}, ...}</c>, each of weights, inputs, outputs a fraction of non-zero words in (0, 1].
/// Layers and tensors the file does not name are dense. A layer the model does not have is refused, so a file written
/// for another model is not silently ignored.
/// </summary>
public sealed class LayerDensities
{
    private readonly IReadOnlyDictionary<string, LayerDensity> _layers;

    private LayerDensities(string source, IReadOnlyDictionary<string, LayerDensity> layers)
    {
        Source = source;
        _layers = layers;
    }

    /// <summary>The file, for messages.</summary>
    public string Source { get; }

    /// <summary>The layers the file names.</summary>
    public IEnumerable<string> Layers => _layers.Keys;

    /// <summary>The densities of <paramref name="layer"/> (dense when the file does not name it).</summary>
    public LayerDensity For(string layer) => _layers.TryGetValue(layer, out var d) ? d : LayerDensity.Dense;

    /// <summary>Reads a densities file.</summary>
    public static LayerDensities Load(string path)
    {
        if (!File.Exists(path)) throw new InputException($"--densities {path}: no such file");
        return Parse(YamlFrontEnd.ReadFile(path), path);
    }

    /// <summary>Parses a densities document; errors name the file and the field.</summary>
    public static LayerDensities Parse(string text, string source)
    {
        if (YamlFrontEnd.Parse(text, source) is not YamlMappingNode rootNode)
            throw new InputException($"{source}: expected a densities document with 'layers:'");
        var root = new YamlMap(rootNode, source, "");
        root.AllowOnly("model", "source", "layers");
        var layers = root.Map("layers") ?? throw root.Error("layers", "missing (layer: {inputs: density, ...})");
        var result = new Dictionary<string, LayerDensity>(StringComparer.Ordinal);
        foreach (string name in layers.Keys)
        {
            var entry = layers.Map(name) ?? throw layers.Error(name, "expected {weights: d, inputs: d, outputs: d}");
            entry.AllowOnly("weights", "inputs", "outputs");
            result[name] = new LayerDensity(Density(entry, "weights"), Density(entry, "inputs"), Density(entry, "outputs"));
        }
        return new LayerDensities(source, result);
    }

    private static double Density(YamlMap entry, string key)
    {
        double? value = entry.Double(key);
        if (value is null) return 1;
        if (!(value > 0 && value <= 1)) throw entry.Error(key, $"a density is a fraction of non-zero words in (0, 1], got {YamlMap.Format(value.Value)}");
        return value.Value;
    }
}
