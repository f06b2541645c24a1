using Google.Protobuf;
using Onnx;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// Writes an ONNX graph node by node with PyTorch-exporter conventions: a node's output is "{node}_output_0", activations
/// carry a symbolic batch dim "N" first, weights are initializers with dims but no values (their data is declared external
/// and not written), and small integer or float constants (shapes, axes, clip bounds) are written in full.
/// </summary>
internal sealed class OnnxGraphWriter
{
    private readonly ModelProto _model;
    private readonly GraphProto _graph;

    public OnnxGraphWriter(string name, long opset)
    {
        _graph = new GraphProto { Name = name };
        _model = new ModelProto { IrVersion = 8, ProducerName = "AccelSim", Graph = _graph };
        _model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
    }

    /// <summary>A graph input [N, dims…]; returns its name.</summary>
    public string Input(string name, params long[] dims)
    {
        _graph.Input.Add(Info(name, dims));
        return name;
    }

    /// <summary>Declares <paramref name="tensor"/> a graph output [N, dims…].</summary>
    public void Output(string tensor, params long[] dims) => _graph.Output.Add(Info(tensor, dims));

    /// <summary>Declares the shape [N, dims…] of an intermediate tensor (value_info).</summary>
    public void Shape(string tensor, params long[] dims) => _graph.ValueInfo.Add(Info(tensor, dims));

    /// <summary>A float weight with dims and no values (external data that is not written); returns its name.</summary>
    public string Weight(string name, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, DataLocation = TensorProto.Types.DataLocation.External };
        tensor.Dims.Add(dims);
        tensor.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "weights-not-exported.bin" });
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A 1-D int64 constant (a shape, axes, slice bounds); returns its name.</summary>
    public string Ints(string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.Add(values);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A float scalar constant; returns its name.</summary>
    public string Scalar(string name, float value)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.FloatData.Add(value);
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A node with one output "{name}_output_0"; returns that output's name.</summary>
    public string Node(string opType, string name, IEnumerable<string> inputs, params AttributeProto[] attributes) =>
        Node(opType, name, inputs, 1, attributes)[0];

    /// <summary>A node with <paramref name="outputs"/> outputs "{name}_output_i"; returns their names.</summary>
    public IReadOnlyList<string> Node(string opType, string name, IEnumerable<string> inputs, int outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(Enumerable.Range(0, outputs).Select(i => $"{name}_output_{i}"));
        node.Attribute.Add(attributes);
        _graph.Node.Add(node);
        return node.Output;
    }

    public static AttributeProto IntAttr(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto IntsAttr(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.Add(values);
        return a;
    }

    public static AttributeProto FloatAttr(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto TextAttr(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>The model's protobuf bytes.</summary>
    public byte[] ToBytes() => _model.ToByteArray();

    /// <summary>The model message (for tests that corrupt or read it).</summary>
    public ModelProto Model => _model;

    private static ValueInfoProto Info(string name, long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        foreach (long d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
