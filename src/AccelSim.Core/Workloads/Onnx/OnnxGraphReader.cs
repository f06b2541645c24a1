using Google.Protobuf;
using Onnx;
using AccelSim.Common;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// Reads an ONNX file into an <see cref="OnnxGraph"/>: parses the protobuf, collects initializers and declared shapes, and
/// orders the nodes, refusing a truncated file, a tensor nobody produces and a cycle with one line each.
/// </summary>
internal static class OnnxGraphReader
{
    /// <summary>Reads and orders the graph of the file at <paramref name="path"/>.</summary>
    public static OnnxGraph Read(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot read the ONNX file ({e.Message})");
        }
        return Parse(bytes, path);
    }

    /// <summary>Parses and orders the graph in <paramref name="bytes"/>; <paramref name="source"/> prefixes every error.</summary>
    public static OnnxGraph Parse(byte[] bytes, string source)
    {
        ModelProto model;
        try { model = ModelProto.Parser.ParseFrom(bytes); }
        catch (InvalidProtocolBufferException e)
        {
            throw new InputException($"{source}: not a readable ONNX model, the protobuf is truncated or corrupt ({e.Message.Split('\n')[0].Trim()})");
        }
        return FromModel(model, source);
    }

    /// <summary>Orders and indexes an already parsed model; <paramref name="source"/> prefixes every error.</summary>
    public static OnnxGraph FromModel(ModelProto model, string source)
    {
        var graph = model.Graph;
        if (graph is null || graph.Node.Count == 0) throw new InputException($"{source}: the ONNX model has no graph nodes");
        long opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(0).Max();

        var initializers = new Dictionary<string, ConstantValue>(StringComparer.Ordinal);
        foreach (var tensor in graph.Initializer) initializers[tensor.Name] = OnnxConstants.FromTensor(tensor);

        var declared = new Dictionary<string, long?[]>(StringComparer.Ordinal);
        foreach (var info in graph.Input.Concat(graph.ValueInfo).Concat(graph.Output))
            if (info.Type?.TensorType?.Shape is { } shape)
                declared[info.Name] = shape.Dim.Select(d => d.HasDimValue ? d.DimValue : (long?)null).ToArray();

        var inputs = graph.Input.Select(i => i.Name).Where(n => !initializers.ContainsKey(n)).ToList();
        var nodes = graph.Node.Select(OnnxNode.From).ToList();
        return new OnnxGraph(string.IsNullOrEmpty(graph.Name) ? Path.GetFileNameWithoutExtension(source) : graph.Name, opset,
            Order(nodes, initializers.Keys.Concat(inputs).ToHashSet(StringComparer.Ordinal), source), initializers, inputs, graph.Output.Select(o => o.Name).ToList(), declared);
    }

    // Kahn's algorithm, always taking the earliest ready node so that a well-ordered file keeps its order.
    private static List<OnnxNode> Order(List<OnnxNode> nodes, HashSet<string> available, string source)
    {
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
            foreach (var output in nodes[i].Outputs.Where(o => o.Length > 0))
                if (!producer.TryAdd(output, i) || available.Contains(output))
                    throw new InputException($"{source}: node {nodes[i].Name} ({nodes[i].OpType}): its output '{output}' is produced twice");
        var waiting = new int[nodes.Count];
        var consumers = Enumerable.Range(0, nodes.Count).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < nodes.Count; i++)
            foreach (var input in nodes[i].Inputs.Where(t => t.Length > 0 && !available.Contains(t)))
            {
                if (!producer.TryGetValue(input, out int from))
                    throw new InputException($"{source}: node {nodes[i].Name} ({nodes[i].OpType}): input '{input}' is produced by no node, initializer or graph input");
                consumers[from].Add(i);
                waiting[i]++;
            }
        var ready = new SortedSet<int>(Enumerable.Range(0, nodes.Count).Where(i => waiting[i] == 0));
        var order = new List<OnnxNode>(nodes.Count);
        while (ready.Count > 0)
        {
            int next = ready.Min;
            ready.Remove(next);
            order.Add(nodes[next]);
            foreach (int c in consumers[next])
                if (--waiting[c] == 0) ready.Add(c);
        }
        if (order.Count < nodes.Count)
        {
            // Walk back through unfinished producers: after as many steps as there are nodes the walk is inside the cycle.
            int at = Array.FindIndex(waiting, w => w > 0);
            for (int step = 0; step < nodes.Count; step++)
                at = nodes[at].Inputs.Where(t => producer.ContainsKey(t) && waiting[producer[t]] > 0).Select(t => producer[t]).First();
            var stuck = nodes[at];
            throw new InputException($"{source}: node {stuck.Name} ({stuck.OpType}): the graph has a cycle through this node (its inputs depend on its own output)");
        }
        return order;
    }
}
