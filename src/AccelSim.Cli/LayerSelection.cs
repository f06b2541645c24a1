using AccelSim.Common;
using AccelSim.Workloads;

namespace AccelSim.Cli;

/// <summary>Picks a layer of a model by name, with a clear error listing what exists.</summary>
internal static class LayerSelection
{
    public static LayerNode MacLayer(ModelGraph model, string name)
    {
        var node = model.Find(name);
        var macLayers = model.MacLayers.Select(l => l.Name).ToList();
        string known = string.Join(", ", macLayers.Take(12)) + (macLayers.Count > 12 ? $", … ({macLayers.Count} in all)" : "");
        if (node is null) throw new InputException($"--layer: model '{model.Name}' has no layer '{name}' (MAC layers: {known})");
        if (!node.HasMacs) throw new InputException($"--layer: '{name}' is a {node.Kind} layer without MACs; map one of: {known}");
        return node;
    }
}
