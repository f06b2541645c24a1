namespace AccelSim.Workloads.Onnx;

/// <summary>
/// An ONNX graph read and ordered: its nodes in a topological order (file order where the graph allows), the constants
/// (initializers), the activation inputs, and every shape the file declares (inputs, value_info, outputs). A declared dim
/// is null where the file gives a symbol or nothing.
/// </summary>
internal sealed record OnnxGraph(
    string Name,
    long Opset,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyDictionary<string, ConstantValue> Initializers,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyDictionary<string, long?[]> DeclaredShapes);
