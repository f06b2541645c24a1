using AccelSim.Workloads.Layers;
using Onnx;
using W = AccelSim.Workloads.Onnx.OnnxGraphWriter;

namespace AccelSim.Workloads.Onnx;

/// <summary>
/// Writes a model as an ONNX graph at opset 17, the way PyTorch would export it (Conv, Gemm after Flatten, MatMul on token
/// sequences, Reshape/Transpose for attention heads, GELU written out in elementary ops), with shapes and no weight values:
/// for Netron and for round trips. Nodes are named after the layers, so importing the file gives the same layers back.
/// </summary>
public static class OnnxExporter
{
    /// <summary>The opset the exporter writes.</summary>
    public const long Opset = 17;

    /// <summary>The ONNX bytes of <paramref name="model"/>; throws <see cref="WorkloadException"/> for a layer ONNX cannot express.</summary>
    public static byte[] Write(ModelGraph model) => new Export(model).Run();

    private sealed class Export(ModelGraph model)
    {
        private readonly W _w = new(model.Name, Opset);
        private readonly Dictionary<string, (string Tensor, long[] Dims)> _out = new(StringComparer.Ordinal);
        // A model with matmuls works on token sequences: its Wx1 inputs are written [N, T, F].
        private readonly bool _sequences = model.Layers.Any(l => l.Kind == LayerKind.MatMul);

        public byte[] Run()
        {
            foreach (var node in model.Layers) Add(node);
            foreach (var node in model.Layers.Where(l => !model.Graph.Successors(l.Name).Any()))
                _w.Output(_out[node.Name].Tensor, _out[node.Name].Dims);
            return _w.ToBytes();
        }

        private void Add(LayerNode node)
        {
            var (tensor, dims) = node.Layer switch
            {
                InputLayer l => Input(l, node.Output),
                ConvLayer l => Conv(l, node),
                FullyConnectedLayer l => (_w.Node("Gemm", l.Name, [Vector(l.Name, l.Input), _w.Weight($"{l.Name}.weight", l.OutFeatures, node.InputShapes[0].Elements)],
                    W.IntAttr("transB", 1)), [l.OutFeatures]),
                MatMulLayer { RightOperand: null } l => (_w.Node("MatMul", l.Name, [Sequence(l.Name, l.Input), _w.Weight($"{l.Name}.weight", node.InputShapes[0].Channels, l.OutFeatures)]),
                    [node.Output.Height, l.OutFeatures]),
                MatMulLayer l => Attention(l, node),
                PoolLayer l => (_w.Node(l.Kind == LayerKind.MaxPool ? "MaxPool" : "AveragePool", l.Name, [Windowed(l.Name, l.Input, l.Window)],
                    [.. WindowAttributes(l.Window), .. l.CeilMode ? [W.IntAttr("ceil_mode", 1)] : Array.Empty<AttributeProto>()]), Image(node.Output)),
                GlobalAvgPoolLayer l => (_w.Node("GlobalAveragePool", l.Name, [Image(l.Name, l.Input)]), Image(node.Output)),
                AddLayer l => (_w.Node(l.Operands.Count == 2 ? "Add" : "Sum", l.Name, l.Operands.Select(o => As(l.Name, o, _out[l.Operands[0]].Dims))),
                    _out[l.Operands[0]].Dims),
                ConcatLayer l => (_w.Node("Concat", l.Name, l.Operands.Select(o => Image(l.Name, o)), W.IntAttr("axis", 1)), Image(node.Output)),
                ChannelShuffleLayer l => Shuffle(l, node.Output),
                ScaleLayer l => (_w.Node("Mul", l.Name, [Image(l.Name, l.Input), As(l.Name, l.Scale, [node.Output.Channels, 1, 1])]), Image(node.Output)),
                SliceLayer l => (_w.Node("Slice", l.Name, [Image(l.Name, l.Input), _w.Ints($"{l.Name}/starts", l.Start),
                    _w.Ints($"{l.Name}/ends", l.Start + l.Count), _w.Ints($"{l.Name}/axes", 1)]), Image(node.Output)),
                ActivationLayer l => (Activation(l, node.Output), _out[l.Input].Dims),
                _ => throw new WorkloadException($"layer '{node.Name}': kind {node.Kind} cannot be written as ONNX"),
            };
            _out[node.Name] = (tensor, dims);
            if (node.Kind != LayerKind.Input) _w.Shape(tensor, dims);
        }

        private (string, long[]) Input(InputLayer layer, FeatureMap map)
        {
            long[] dims = _sequences && map.Width == 1 ? [map.Height, map.Channels] : Image(map);
            return (_w.Input(layer.Name, dims), dims);
        }

        private (string, long[]) Conv(ConvLayer l, LayerNode node)
        {
            long[] weight = [l.OutChannels, node.InputShapes[0].Channels / l.Groups, l.Window.KernelH, l.Window.KernelW];
            string output = _w.Node("Conv", l.Name, [Windowed(l.Name, l.Input, l.Window), _w.Weight($"{l.Name}.weight", weight)],
                [.. WindowAttributes(l.Window), W.IntAttr("group", l.Groups)]);
            return (output, Image(node.Output));
        }

        // Q·Kᵀ and scores·V: both operands as [N, heads, rows, cols]; a token sequence is split into heads first.
        private (string, long[]) Attention(MatMulLayer l, LayerNode node)
        {
            long g = l.Groups, tokens = node.Output.Height, c = node.InputShapes[0].Channels / g, m = l.OutFeatures / g;
            string left = Heads(l.Name, l.Input, g, tokens, c, keys: false);
            string right = Heads(l.Name, l.RightOperand!, g, c, m, keys: true);
            return (_w.Node("MatMul", l.Name, [left, right]), g == 1 ? [tokens, m] : [g, tokens, m]);
        }

        // The operand as [N, g, rows, cols] ([N, rows, cols] for one group). A token sequence [T, g·d] becomes [g, T, d], or
        // [g, d, T] for a key matrix that is read transposed (rows = d, cols = T).
        private string Heads(string consumer, string producer, long g, long rows, long cols, bool keys)
        {
            var (tensor, dims) = _out[producer];
            long[] wanted = g == 1 ? [rows, cols] : [g, rows, cols];
            if (dims.SequenceEqual(wanted)) return tensor;
            if (dims.Length == 2 && keys && dims[1] == g * rows && dims[0] == cols)
            {
                if (g == 1) return _w.Node("Transpose", $"{consumer}/Transpose_{producer}", [tensor], W.IntsAttr("perm", 0, 2, 1));
                string split = _w.Node("Reshape", $"{consumer}/Reshape_{producer}", [tensor, _w.Ints($"{consumer}/shape_{producer}", 0, cols, g, rows)]);
                return _w.Node("Transpose", $"{consumer}/Transpose_{producer}", [split], W.IntsAttr("perm", 0, 2, 3, 1));
            }
            if (dims.Length == 2 && dims[1] == g * cols && dims[0] == rows)
            {
                if (g == 1) return tensor;
                string split = _w.Node("Reshape", $"{consumer}/Reshape_{producer}", [tensor, _w.Ints($"{consumer}/shape_{producer}", 0, rows, g, cols)]);
                return _w.Node("Transpose", $"{consumer}/Transpose_{producer}", [split], W.IntsAttr("perm", 0, 2, 1, 3));
            }
            return As(consumer, producer, wanted);
        }

        private (string, long[]) Shuffle(ChannelShuffleLayer l, FeatureMap map)
        {
            long g = l.Groups;
            string split = _w.Node("Reshape", $"{l.Name}/Reshape", [Image(l.Name, l.Input), _w.Ints($"{l.Name}/shape", 0, g, map.Channels / g, map.Height, map.Width)]);
            string moved = _w.Node("Transpose", l.Name, [split], W.IntsAttr("perm", 0, 2, 1, 3, 4));
            return (_w.Node("Reshape", $"{l.Name}/Reshape_1", [moved, _w.Ints($"{l.Name}/shape_1", 0, map.Channels, map.Height, map.Width)]), Image(map));
        }

        private string Activation(ActivationLayer l, FeatureMap map)
        {
            string x = _out[l.Input].Tensor;
            if (OnnxActivations.OperatorOf(l.Function) is var (op, ops))
            {
                if (ops != l.OpsPerElement)
                    throw new WorkloadException($"layer '{l.Name}': {l.Function} at {l.OpsPerElement} ops per element has no ONNX form (ONNX import prices it at {ops})");
                return op switch
                {
                    "Swish" => _w.Node("Mul", l.Name, [x, _w.Node("Sigmoid", $"{l.Name}/Sigmoid", [x])]),
                    "Gelu" => Gelu(l.Name, x),
                    "Softmax" => _w.Node(op, l.Name, [x], W.IntAttr("axis", -1)),
                    "LayerNormalization" => _w.Node(op, l.Name, [x, _w.Weight($"{l.Name}.weight", map.Channels), _w.Weight($"{l.Name}.bias", map.Channels)],
                        W.IntAttr("axis", -1)),
                    _ => _w.Node(op, l.Name, [x]),
                };
            }
            return (l.Function, l.OpsPerElement) switch
            {
                ("relu6", 1) => _w.Node("Clip", l.Name, [x, _w.Scalar($"{l.Name}/min", 0), _w.Scalar($"{l.Name}/max", 6)]),
                ("lrn", var size) => _w.Node("LRN", l.Name, [x], W.IntAttr("size", size)),
                ("batchnorm", OnnxActivations.BatchNormOps) => _w.Node("BatchNormalization", l.Name,
                    [x, .. new[] { "weight", "bias", "running_mean", "running_var" }.Select(p => _w.Weight($"{l.Name}.{p}", map.Channels))]),
                _ => throw new WorkloadException($"layer '{l.Name}': activation '{l.Function}' ({l.OpsPerElement} ops per element) has no ONNX operator"),
            };
        }

        // Opset 17 has no Gelu: PyTorch writes x · (1 + erf(x / √2)) · 0.5.
        private string Gelu(string name, string x)
        {
            string scaled = _w.Node("Div", $"{name}/Div", [x, _w.Scalar($"{name}/sqrt2", MathF.Sqrt(2))]);
            string erf = _w.Node("Erf", $"{name}/Erf", [scaled]);
            string plusOne = _w.Node("Add", $"{name}/Add", [erf, _w.Scalar($"{name}/one", 1)]);
            string product = _w.Node("Mul", $"{name}/Mul", [x, plusOne]);
            return _w.Node("Mul", name, [product, _w.Scalar($"{name}/half", 0.5f)]);
        }

        private string Image(string consumer, string producer) => As(consumer, producer, Image(model.Find(producer)!.Output));

        private string Sequence(string consumer, string producer)
        {
            var map = model.Find(producer)!.Output;
            var (tensor, dims) = _out[producer];
            // The heads of a grouped product [g, T, d] go back to [T, g, d] before they are a sequence again.
            if (dims.Length == 3 && dims[1] == map.Height && dims[0] * dims[2] == map.Channels)
            {
                string back = _w.Node("Transpose", $"{consumer}/Transpose", [tensor], W.IntsAttr("perm", 0, 2, 1, 3));
                return _w.Node("Reshape", $"{consumer}/Reshape", [back, _w.Ints($"{consumer}/shape", 0, map.Height, map.Channels)]);
            }
            return As(consumer, producer, [map.Height, map.Channels]);
        }

        private string Vector(string consumer, string producer)
        {
            var (tensor, dims) = _out[producer];
            return dims.Length == 1 ? tensor : _w.Node("Flatten", $"{consumer}/Flatten", [tensor], W.IntAttr("axis", 1));
        }

        // The producer's output viewed as [N, dims…], through a Reshape when its own dims differ.
        private string As(string consumer, string producer, long[] dims)
        {
            var (tensor, own) = _out[producer];
            if (own.SequenceEqual(dims)) return tensor;
            string name = $"{consumer}/Reshape_{producer}";
            return _w.Node("Reshape", name, [tensor, _w.Ints($"{name}/shape", [0, .. dims])]);
        }

        private static long[] Image(FeatureMap map) => [map.Channels, map.Height, map.Width];

        // ONNX pads are [top, left, bottom, right] and never negative: a crop (negative padding) is a Slice of the input's
        // rows and columns before the window (Windowed), which the importer folds back into the window.
        private static AttributeProto[] WindowAttributes(Window w) =>
        [
            W.IntsAttr("kernel_shape", w.KernelH, w.KernelW),
            W.IntsAttr("strides", w.StrideH, w.StrideW),
            W.IntsAttr("pads", Math.Max(0, w.PadH), Math.Max(0, w.PadW), Math.Max(0, w.PadBottom), Math.Max(0, w.PadRight)),
            W.IntsAttr("dilations", w.DilationH, w.DilationW),
        ];

        // The producer's image, cropped by a Slice over axes 2 and 3 when the window's padding is negative on some side.
        private string Windowed(string consumer, string producer, Window w)
        {
            string image = Image(consumer, producer);
            if (w.PadH >= 0 && w.PadW >= 0 && w.PadBottom >= 0 && w.PadRight >= 0) return image;
            var map = model.Find(producer)!.Output;
            long top = Math.Max(0, -w.PadH), left = Math.Max(0, -w.PadW), bottom = Math.Max(0, -w.PadBottom), right = Math.Max(0, -w.PadRight);
            string name = $"{consumer}/Crop";
            string cropped = _w.Node("Slice", name, [image, _w.Ints($"{name}/starts", top, left), _w.Ints($"{name}/ends", map.Height - bottom, map.Width - right),
                _w.Ints($"{name}/axes", 2, 3)]);
            _w.Shape(cropped, map.Channels, map.Height - top - bottom, map.Width - left - right);
            return cropped;
        }
    }
}
