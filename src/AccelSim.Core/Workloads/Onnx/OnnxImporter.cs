using AccelSim.Common;
using AccelSim.Workloads.Layers;
using AccelSim.Workloads.Onnx.Patterns;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// Imports an ONNX model (docs/workload-format.md, ONNX import) as the same <see cref="ModelGraph"/> the zoo and workload
/// files give: read and order the graph, fuse exporter patterns, fold shape subgraphs, then translate node by node. Node
/// names become layer names; the batch dim is left out (every figure is per batch item, --batch scales it); weight values
/// are never read, so external weight data need not be present. Every problem is one <see cref="InputException"/> line.
/// </summary>
public static class OnnxImporter
{
    private static readonly Dictionary<string, OnnxTranslator> Translators = CreateTranslators();

    /// <summary>Generic graph names exporters write; the file's name says more.</summary>
    private static readonly HashSet<string> GenericNames = ["main_graph", "torch_jit", "torch-jit-export", "tf2onnx", "graph"];

    /// <summary>Imports the ONNX file at <paramref name="path"/>.</summary>
    public static OnnxImport Load(string path, OnnxUnknownOps unknownOps = OnnxUnknownOps.Refuse) =>
        Import(OnnxGraphReader.Read(path), path, unknownOps);

    /// <summary>Imports ONNX bytes; <paramref name="sourceName"/> (usually the path) prefixes every error.</summary>
    public static OnnxImport Parse(byte[] bytes, string sourceName, OnnxUnknownOps unknownOps = OnnxUnknownOps.Refuse) =>
        Import(OnnxGraphReader.Parse(bytes, sourceName), sourceName, unknownOps);

    private static OnnxImport Import(OnnxGraph graph, string source, OnnxUnknownOps unknownOps)
    {
        var context = new OnnxImportContext(graph, source, unknownOps);
        foreach (var (name, constant) in graph.Initializers) context.Set(name, constant);
        foreach (var input in graph.Inputs) AddInput(context, input);
        foreach (var node in OnnxPatterns.Fuse(graph))
        {
            if (node.Domain.Length > 0) ElementwiseTranslators.Unsupported(node, context, $"operators of domain '{node.Domain}' are not modelled");
            else if (ShapeFolding.TryFold(node, context)) continue;
            else if (Translators.TryGetValue(node.OpType, out var translate)) translate(node, context);
            else ElementwiseTranslators.Unsupported(node, context, "AccelSim does not model this operator");
            CheckDeclaredShapes(context, node);
        }
        string model = GenericNames.Contains(graph.Name) ? Path.GetFileNameWithoutExtension(source) : graph.Name;
        try { return new OnnxImport(ModelGraph.Build(model, context.Layers, context.Folded), context.Notes); }
        catch (WorkloadException e) { throw new InputException($"{source}: {e.Message}"); }
    }

    // A shape the file declares for an activation must be the one inferred (the batch dim aside): a mismatch is a bad file.
    private static void CheckDeclaredShapes(OnnxImportContext context, OnnxNode node)
    {
        foreach (var output in node.Outputs)
            if (context.Value(output) is ActivationValue value && context.Graph.DeclaredShapes.TryGetValue(output, out var declared)
                && declared.Length > 0 && declared.Skip(1).All(d => d is not null) && !declared.Skip(1).Select(d => d!.Value).SequenceEqual(value.Dims))
                throw context.Fail(node, $"output '{output}' is declared [{string.Join(",", declared.Select(d => d?.ToString() ?? "N"))}] but is {value.DimsText}");
    }

    // The first dim is the batch: a symbol (mapped to --batch) or 1. The rest are C x H x W, tokens x features, or features.
    private static void AddInput(OnnxImportContext context, string input)
    {
        if (!context.Graph.DeclaredShapes.TryGetValue(input, out var dims) || dims.Length == 0)
            throw new InputException($"{context.Source}: input {input}: the shape is missing (AccelSim needs [N, C, H, W], [N, T, F] or [N, F])");
        if (dims[0] is long batch && batch != 1)
            throw new InputException($"{context.Source}: input {input}: the batch dim is fixed at {batch}; export with batch 1 or a symbolic batch and use --batch");
        var item = dims[1..];
        if (item.Any(d => d is null or <= 0 or > int.MaxValue))
            throw new InputException($"{context.Source}: input {input}: dims [{string.Join(",", dims.Select(d => d?.ToString() ?? "?"))}] must be known and positive after the batch dim");
        long[] known = item.Select(d => d!.Value).ToArray();
        var map = known.Length switch
        {
            3 => new FeatureMap((int)known[0], (int)known[1], (int)known[2]),
            2 => new FeatureMap((int)known[1], (int)known[0], 1),
            1 => new FeatureMap((int)known[0], 1, 1),
            _ => throw new InputException($"{context.Source}: input {input}: rank {dims.Length} is not [N, C, H, W], [N, T, F] or [N, F]"),
        };
        var node = new OnnxNode(input, "Input", [], [input], new Dictionary<string, global::Onnx.AttributeProto>());
        context.AddLayer(node, new InputLayer(input, map), known);
    }

    private static Dictionary<string, OnnxTranslator> CreateTranslators()
    {
        var table = new Dictionary<string, OnnxTranslator>(StringComparer.Ordinal);
        ConvTranslators.Register(table);
        MatMulTranslators.Register(table);
        ElementwiseTranslators.Register(table);
        TensorTranslators.Register(table);
        return table;
    }
}
