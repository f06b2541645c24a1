namespace AccelSim.Workloads.Onnx;

/// <summary>
/// Folds the shape subgraphs exporters write (Shape → Gather → Unsqueeze → Concat → Reshape, Slice of a shape, Constant,
/// integer arithmetic) into constants, with the batch dim kept as a symbol, and lets any other node whose inputs are all
/// constants (weight preprocessing) pass as a constant of its declared shape.
/// </summary>
internal static class ShapeFolding
{
    /// <summary>True when <paramref name="node"/> computes a constant; its outputs are then set in the context.</summary>
    public static bool TryFold(OnnxNode node, OnnxImportContext context)
    {
        if (node.OpType == "Shape")
        {
            long[] shape = context.Value(node.Input(0)) is ConstantValue constant ? constant.Dims
                : [ConstantValue.Batch, .. context.Activation(node, 0).Dims];
            long start = Axis(node.Int("start", 0), shape.Length), end = Axis(node.Int("end", shape.Length), shape.Length);
            context.Set(node.Outputs[0], ConstantValue.Vector(shape[(int)start..(int)Math.Max(start, end)]));
            return true;
        }
        var inputs = node.Inputs.Where(i => i.Length > 0).Select(context.Value).ToList();
        if (inputs.Any(i => i is not ConstantValue)) return false;
        var constants = inputs.Cast<ConstantValue>().ToList();
        var folded = node.OpType switch
        {
            "Constant" => OnnxConstants.FromConstantNode(node),
            "Identity" or "Cast" => constants[0],
            "Gather" => Gather(node, constants),
            "Unsqueeze" => Unsqueeze(node, constants),
            "Squeeze" => constants[0] with { Dims = [.. constants[0].Dims.Where(d => d != 1)] },
            "Concat" => Concat(constants),
            "Slice" => Slice(constants),
            "Reshape" when constants[0].Ints is { } ints && constants[1].Ints is { } shape && !shape.Contains(-1) && !shape.Contains(0) =>
                new ConstantValue(shape, ints),
            "Add" or "Sub" or "Mul" or "Div" => Arithmetic(node.OpType, constants),
            "Transpose" => Transpose(node, constants[0]),
            _ => null,
        };
        // Anything else on constants (weight transposes, dequantization …) stays a constant of its declared shape.
        for (int i = 0; i < node.Outputs.Count; i++)
            context.Set(node.Outputs[i], i == 0 && folded is not null ? folded : Declared(context, node.Outputs[i]));
        return true;
    }

    private static ConstantValue Declared(OnnxImportContext context, string tensor) =>
        new(context.Graph.DeclaredShapes.TryGetValue(tensor, out var dims) && dims.All(d => d is not null) ? dims.Select(d => d!.Value).ToArray() : []);

    private static long Axis(long axis, int rank) => Math.Clamp(axis < 0 ? axis + rank : axis, 0, rank);

    // A transposed weight keeps its values unknown but its dims permuted (a 1-D constant is its own transpose).
    private static ConstantValue? Transpose(OnnxNode node, ConstantValue c)
    {
        if (c.Dims.Length <= 1) return c;
        long[] perm = node.Ints("perm") ?? Enumerable.Range(0, c.Dims.Length).Reverse().Select(i => (long)i).ToArray();
        if (perm.Length != c.Dims.Length || perm.Any(p => p < 0 || p >= c.Dims.Length)) return null;
        return new ConstantValue(perm.Select(p => c.Dims[p]).ToArray());
    }

    private static ConstantValue? Gather(OnnxNode node, List<ConstantValue> c)
    {
        if (c[0].Ints is not { } data || c[1].Ints is not { } indices || c[0].Dims.Length != 1 || node.Int("axis", 0) != 0) return null;
        var picked = indices.Select(i => data[(int)Axis(i, data.Length)]).ToArray();
        return new ConstantValue(c[1].Dims, picked);
    }

    private static ConstantValue? Unsqueeze(OnnxNode node, List<ConstantValue> c)
    {
        long[]? axes = c.Count > 1 ? c[1].Ints : node.Ints("axes");
        if (axes is null) return null;
        return c[0] with { Dims = [.. c[0].Dims, .. Enumerable.Repeat(1L, axes.Length)] };
    }

    private static ConstantValue? Concat(List<ConstantValue> c)
    {
        if (c.Any(v => v.Ints is null)) return null;
        return ConstantValue.Vector(c.SelectMany(v => v.Ints!).ToArray());
    }

    private static ConstantValue? Slice(List<ConstantValue> c)
    {
        if (c[0].Ints is not { } data || c.Count < 3 || c[1].Ints is not [var start] || c[2].Ints is not [var end]) return null;
        if (c.Count > 4 && c[4].Ints is not [1]) return null;
        int from = (int)Axis(start, data.Length), to = (int)Axis(end, data.Length);
        return ConstantValue.Vector(data[from..Math.Max(from, to)]);
    }

    // Integer arithmetic on known values, one operand broadcast when it is a scalar; the batch symbol does not take part.
    private static ConstantValue? Arithmetic(string op, List<ConstantValue> c)
    {
        if (c.Count != 2 || c[0].Ints is not { } a || c[1].Ints is not { } b || a.Contains(ConstantValue.Batch) || b.Contains(ConstantValue.Batch)) return null;
        if (a.Length != b.Length && a.Length != 1 && b.Length != 1) return null;
        int n = Math.Max(a.Length, b.Length);
        var result = new long[n];
        for (int i = 0; i < n; i++)
        {
            long x = a[a.Length == 1 ? 0 : i], y = b[b.Length == 1 ? 0 : i];
            result[i] = op switch { "Add" => checked(x + y), "Sub" => checked(x - y), "Mul" => checked(x * y), _ => y == 0 ? 0 : x / y };
        }
        return new ConstantValue(a.Length >= b.Length ? c[0].Dims : c[1].Dims, result);
    }
}
