using Google.Protobuf;
using Onnx;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// Reads the values of small constant tensors (shape vectors, axes, clip bounds). Weights are never read: a tensor whose data
/// lives in an external file, or is large, keeps only its dims, which is all the importer needs from it.
/// </summary>
internal static class OnnxConstants
{
    // Shape vectors and scalars are tiny; anything larger is a weight whose values do not matter.
    private const int MaxValues = 4096;

    /// <summary>The constant an initializer or a Constant node's tensor stands for.</summary>
    public static ConstantValue FromTensor(TensorProto tensor)
    {
        long[] dims = tensor.Dims.ToArray();
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External) return new ConstantValue(dims);
        long count = dims.Aggregate(1L, (a, d) => checked(a * d));
        if (count > MaxValues) return new ConstantValue(dims);
        var type = (TensorProto.Types.DataType)tensor.DataType;
        long[]? ints = type switch
        {
            TensorProto.Types.DataType.Int64 => tensor.Int64Data.Count > 0 ? tensor.Int64Data.ToArray() : Raw(tensor.RawData, 8, count, (b, i) => BitConverter.ToInt64(b, i)),
            TensorProto.Types.DataType.Int32 => tensor.Int32Data.Count > 0 ? tensor.Int32Data.Select(v => (long)v).ToArray() : Raw(tensor.RawData, 4, count, (b, i) => (long)BitConverter.ToInt32(b, i)),
            _ => null,
        };
        double[]? floats = type switch
        {
            TensorProto.Types.DataType.Float => tensor.FloatData.Count > 0 ? tensor.FloatData.Select(v => (double)v).ToArray() : Raw(tensor.RawData, 4, count, (b, i) => (double)BitConverter.ToSingle(b, i)),
            TensorProto.Types.DataType.Double => tensor.DoubleData.Count > 0 ? tensor.DoubleData.ToArray() : Raw(tensor.RawData, 8, count, BitConverter.ToDouble),
            _ => ints?.Select(v => (double)v).ToArray(),
        };
        return new ConstantValue(dims, ints?.Length == count ? ints : null, floats?.Length == count ? floats : null);
    }

    /// <summary>The constant of a Constant node (its value, value_float(s) or value_int(s) attribute), or null.</summary>
    public static ConstantValue? FromConstantNode(OnnxNode node)
    {
        if (node.Attributes.TryGetValue("value", out var v) && v.T is not null) return FromTensor(v.T);
        if (node.Attributes.TryGetValue("value_int", out var i)) return ConstantValue.Scalar(i.I);
        if (node.Attributes.TryGetValue("value_ints", out var ii)) return ConstantValue.Vector(ii.Ints.ToArray());
        if (node.Attributes.TryGetValue("value_float", out var f)) return new ConstantValue([], null, [f.F]);
        if (node.Attributes.TryGetValue("value_floats", out var ff)) return new ConstantValue([ff.Floats.Count], null, ff.Floats.Select(x => (double)x).ToArray());
        return null;
    }

    private static T[]? Raw<T>(ByteString raw, int size, long count, Func<byte[], int, T> read)
    {
        if (raw.Length != count * size) return null;
        byte[] bytes = raw.ToByteArray();
        var values = new T[count];
        for (int i = 0; i < count; i++) values[i] = read(bytes, i * size);
        return values;
    }
}
