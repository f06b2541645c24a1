namespace AccelSim.Workloads.Onnx;

/// <summary>What an ONNX tensor is to the importer: a view of an AccelSim layer's output, or a constant.</summary>
internal abstract record OnnxValue;

/// <summary>
/// An activation: the output of AccelSim layer <see cref="Layer"/> (shape <see cref="Map"/>) seen through ONNX dims
/// <see cref="Dims"/>, the batch dim left out. Reshape, Flatten, Transpose and friends change the dims, not the layer.
/// </summary>
internal sealed record ActivationValue(string Layer, FeatureMap Map, long[] Dims) : OnnxValue
{
    /// <summary>Elements per batch item.</summary>
    public long Elements => Dims.Aggregate(1L, (a, d) => checked(a * d));

    /// <summary>True when the dims are [C, H, W] of the layer's own feature map (what conv, pooling and concat read).</summary>
    public bool IsImage => Dims.Length == 3 && Dims[0] == Map.Channels && Dims[1] == Map.Height && Dims[2] == Map.Width;

    /// <summary>True when the dims are [tokens, features] of a token sequence (features × tokens × 1).</summary>
    public bool IsSequence => Dims.Length == 2 && Dims[1] == Map.Channels && Dims[0] == Map.Height && Map.Width == 1;

    /// <summary>The dims as text, batch first: "[N,64,56,56]".</summary>
    public string DimsText => $"[N,{string.Join(",", Dims)}]";
}

/// <summary>
/// A constant: an initializer, a Constant node, or a value folded from a shape subgraph. <see cref="Dims"/> are the full
/// dims; <see cref="Ints"/> and <see cref="Floats"/> hold the values where they are known (small tensors, not weights).
/// In shape values the batch dim reads as <see cref="Batch"/>.
/// </summary>
internal sealed record ConstantValue(long[] Dims, long[]? Ints = null, double[]? Floats = null) : OnnxValue
{
    /// <summary>Stands for the (symbolic) batch dim inside a folded shape vector.</summary>
    public const long Batch = long.MinValue;

    /// <summary>A 1-D integer constant.</summary>
    public static ConstantValue Vector(long[] values) => new([values.Length], values);

    /// <summary>A scalar integer constant.</summary>
    public static ConstantValue Scalar(long value) => new([], [value]);
}

/// <summary>
/// Rows and columns sliced off an image (a Slice over axes 2 and 3): AccelSim has no crop layer, so a crop lives on only
/// as negative padding of the Conv or pooling window that reads it (the exporter writes crops that way round).
/// </summary>
internal sealed record CroppedValue(ActivationValue Source, long Top, long Bottom, long Left, long Right) : OnnxValue;
