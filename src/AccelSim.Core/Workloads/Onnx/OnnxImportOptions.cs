namespace AccelSim.Workloads.Onnx;

/// <summary>What the ONNX importer does with an operator AccelSim does not model.</summary>
public enum OnnxUnknownOps
{
    /// <summary>Stop the import with one line naming the node (the default).</summary>
    Refuse,
    /// <summary>Price the node as element-wise vector work on its first activation input (one op per output element).</summary>
    Vector,
}
