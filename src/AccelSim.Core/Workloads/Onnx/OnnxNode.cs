using Onnx;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// One ONNX node as the importer sees it: name, operator, tensor names in and out, and its attributes. Pattern recognizers
/// replace groups of nodes by one fused node (e.g. "Gelu"), so this is a plain record rather than the protobuf message.
/// </summary>
internal sealed record OnnxNode(string Name, string OpType, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, AttributeProto> Attributes, string Domain = "")
{
    /// <summary>A node from its protobuf message; a node without a name is named after its operator and position.</summary>
    public static OnnxNode From(NodeProto node, int index) => new(
        string.IsNullOrEmpty(node.Name) ? $"{node.OpType}_{index}" : node.Name, node.OpType,
        node.Input.ToList(), node.Output.ToList(), node.Attribute.ToDictionary(a => a.Name, StringComparer.Ordinal),
        node.Domain == "ai.onnx" ? "" : node.Domain);

    /// <summary>A fused node standing for a recognized pattern; it keeps the name of the pattern's last node.</summary>
    public static OnnxNode Fused(string name, string opType, string input, string output) =>
        new(name, opType, [input], [output], new Dictionary<string, AttributeProto>());

    /// <summary>The tensor at input <paramref name="index"/>, or null when absent (ONNX writes "" for a skipped optional input).</summary>
    public string? Input(int index) => index < Inputs.Count && Inputs[index].Length > 0 ? Inputs[index] : null;

    /// <summary>An integer attribute, or <paramref name="fallback"/>.</summary>
    public long Int(string name, long fallback) => Attributes.TryGetValue(name, out var a) ? a.I : fallback;

    /// <summary>A float attribute, or <paramref name="fallback"/>.</summary>
    public float Float(string name, float fallback) => Attributes.TryGetValue(name, out var a) ? a.F : fallback;

    /// <summary>A string attribute, or <paramref name="fallback"/>.</summary>
    public string Text(string name, string fallback) => Attributes.TryGetValue(name, out var a) ? a.S.ToStringUtf8() : fallback;

    /// <summary>An integer-list attribute, or null when absent.</summary>
    public long[]? Ints(string name) => Attributes.TryGetValue(name, out var a) ? a.Ints.ToArray() : null;

    /// <summary>True when the attribute is present.</summary>
    public bool Has(string name) => Attributes.ContainsKey(name);
}
