namespace AccelSim.Workloads.Onnx;

/// <summary>
/// The element-wise functions both ways: which ONNX operator is which AccelSim activation, at what vector cost per element.
/// The costs are the zoo's (softmax and layer norm 5: max/mean, subtract, exp/square, sum, divide; GELU 8), so a model
/// exported and imported again prices the same.
/// </summary>
internal static class OnnxActivations
{
    /// <summary>Inference batch norm: one multiply and one add per element.</summary>
    public const int BatchNormOps = Yaml.WorkloadAliases.BatchNormOps;

    /// <summary>Operators that map to one activation function (LRN, Clip and BatchNormalization are handled apart).</summary>
    public static readonly IReadOnlyDictionary<string, (string Function, int Ops)> ByOperator =
        new Dictionary<string, (string, int)>(StringComparer.Ordinal)
        {
            ["Relu"] = ("relu", 1), ["Sigmoid"] = ("sigmoid", 1), ["Tanh"] = ("tanh", 1), ["LeakyRelu"] = ("leakyrelu", 1),
            ["HardSigmoid"] = ("hsigmoid", 1), ["HardSwish"] = ("hswish", 1), ["Swish"] = ("swish", 1),
            ["Gelu"] = ("gelu", 8), ["Softmax"] = ("softmax", 5), ["LayerNormalization"] = ("layernorm", 5),
        };

    /// <summary>The operator of a function and its cost, for the exporter; null for functions with their own export.</summary>
    public static (string Operator, int Ops)? OperatorOf(string function)
    {
        foreach (var (op, (f, ops)) in ByOperator)
            if (f == function) return (op, ops);
        return null;
    }
}
