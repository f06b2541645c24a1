using AccelSim.Common;

namespace AccelSim.Workloads;

/// <summary>
/// A model: a DAG of layers joined by tensors, with every shape inferred and checked along every edge.
/// <see cref="Layers"/> is in topological order (stable: file order where the graph allows it).
/// </summary>
public sealed class ModelGraph
{
    private readonly Dictionary<string, LayerNode> _byName;

    private ModelGraph(string name, IReadOnlyList<LayerNode> layers, LayerGraph dag)
    {
        Name = name;
        Layers = layers;
        Graph = dag;
        _byName = layers.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }

    /// <summary>The model's name (e.g. "alexnet").</summary>
    public string Name { get; }

    /// <summary>All layers, inputs included, in topological order.</summary>
    public IReadOnlyList<LayerNode> Layers { get; }

    /// <summary>The producer → consumer graph.</summary>
    public LayerGraph Graph { get; }

    /// <summary>The layers as the user wrote them, in topological order (for export).</summary>
    public IEnumerable<Layer> Definitions => Layers.Select(l => l.Layer);

    /// <summary>Layers that compute MACs.</summary>
    public IEnumerable<LayerNode> MacLayers => Layers.Where(l => l.HasMacs);

    /// <summary>A layer by name, or null.</summary>
    public LayerNode? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Total MACs per batch item.</summary>
    public long TotalMacs => Layers.Sum(l => l.Macs);

    /// <summary>Total trainable weights (biases excluded).</summary>
    public long TotalWeights => Layers.Sum(l => l.Weights);

    /// <summary>Batch norms folded into a layer when the model was loaded (they cost nothing at inference), by that layer's name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Folded { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Builds and checks a model: unique names, every input defined, no cycle, and shapes that chain.
    /// Throws <see cref="WorkloadException"/> naming the layer and the problem. <paramref name="folded"/> names the batch norms
    /// folded into each layer, for layer tables.
    /// </summary>
    public static ModelGraph Build(string name, IEnumerable<Layer> layers, IReadOnlyDictionary<string, IReadOnlyList<string>>? folded = null)
    {
        var list = layers.ToList();
        if (list.Count == 0) throw new WorkloadException($"model '{name}' has no layers");
        var dag = new LayerGraph();
        var byName = new Dictionary<string, Layer>(StringComparer.Ordinal);
        foreach (var layer in list)
        {
            if (string.IsNullOrWhiteSpace(layer.Name)) throw new WorkloadException("a layer has no name");
            if (!dag.AddNode(layer.Name)) throw new WorkloadException($"layer '{layer.Name}': the name is used twice");
            byName[layer.Name] = layer;
        }
        foreach (var layer in list)
            foreach (var input in layer.Inputs)
            {
                if (!dag.Contains(input)) throw new WorkloadException($"layer '{layer.Name}': input '{input}' is not a layer of the model");
                dag.AddEdge(input, layer.Name);
            }
        var order = dag.TopologicalOrder(out var cycle)
            ?? throw new WorkloadException($"layer '{cycle[0]}': the graph has a cycle ({string.Join(" -> ", cycle.Append(cycle[0]))})");

        var shapes = new Dictionary<string, FeatureMap>(StringComparer.Ordinal);
        var nodes = new List<LayerNode>(order.Count);
        foreach (var layerName in order)
        {
            var layer = byName[layerName];
            var inputs = layer.Inputs.Select(i => shapes[i]).ToList();
            LayerNode node;
            try { node = Place(layer, inputs); }
            catch (OverflowException) { throw new WorkloadException($"layer '{layerName}': out of range: {CountRange.Limits}"); }
            shapes[layerName] = node.Output;
            nodes.Add(node);
        }
        var model = new ModelGraph(name, nodes, dag) { Folded = folded ?? new Dictionary<string, IReadOnlyList<string>>() };
        // The model totals must fit too, so every report can add them up without a check of its own.
        try { _ = (model.TotalMacs, model.TotalWeights); }
        catch (OverflowException) { throw new WorkloadException($"model '{name}': total MACs or weights out of range: {CountRange.Limits}"); }
        return model;
    }

    // Infers one layer's shapes and computes every count once, so that a shape or count that does not fit is found here.
    private static LayerNode Place(Layer layer, IReadOnlyList<FeatureMap> inputs)
    {
        var output = layer.InferOutput(inputs);
        var problem = layer.Problem(inputs);
        try { problem?.Validate(); }
        catch (ArgumentException e) { throw new WorkloadException($"layer '{layer.Name}': {e.Message}"); }
        var node = new LayerNode(layer, inputs, output, problem);
        _ = (node.Macs, node.Weights, node.InputActivations, node.OutputActivations, node.VectorOps, problem?.TensorSize(TensorKind.Inputs));
        return node;
    }
}
