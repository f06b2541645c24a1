using AccelSim.Workloads.Layers;

namespace AccelSim.Workloads.Zoo;

/// <summary>
/// A small fluent helper that keeps zoo model code short: every call appends a layer that reads the previous one
/// (<see cref="Last"/>) unless told otherwise, and shapes are inferred as layers are added so model code can ask for the
/// current channel count (depthwise convs, squeeze-excite, channel splits). <see cref="Build"/> runs the full
/// <see cref="ModelGraph.Build"/> checks on the result.
/// </summary>
public sealed class ModelBuilder(string modelName)
{
    private readonly List<Layer> _layers = [];
    private readonly Dictionary<string, FeatureMap> _shapes = new(StringComparer.Ordinal);

    /// <summary>The name of the layer the next call reads from.</summary>
    public string Last { get; private set; } = "";

    /// <summary>Activation appended after a conv or FC when its <c>act</c> argument is true (e.g. "relu", "hswish").</summary>
    public string Activation { get; set; } = "relu";

    /// <summary>The output shape of <see cref="Last"/>.</summary>
    public FeatureMap Shape => _shapes[Last];

    /// <summary>The output channels of <see cref="Last"/>.</summary>
    public int Channels => Shape.Channels;

    /// <summary>The output shape of a layer already added.</summary>
    public FeatureMap ShapeOf(string name) => _shapes[name];

    /// <summary>Makes <paramref name="name"/> the layer the next call reads from (to start a branch).</summary>
    public ModelBuilder From(string name)
    {
        if (!_shapes.ContainsKey(name)) throw new WorkloadException($"model '{modelName}': no layer '{name}' to branch from");
        Last = name;
        return this;
    }

    /// <summary>Adds a layer, infers its shape, and makes it <see cref="Last"/>.</summary>
    public ModelBuilder Add(Layer layer)
    {
        var inputs = layer.Inputs.Select(i => _shapes.TryGetValue(i, out var s) ? s
            : throw new WorkloadException($"layer '{layer.Name}': input '{i}' is not a layer of the model")).ToList();
        if (_shapes.ContainsKey(layer.Name)) throw new WorkloadException($"layer '{layer.Name}': the name is used twice");
        _shapes[layer.Name] = layer.InferOutput(inputs);
        _layers.Add(layer);
        Last = layer.Name;
        return this;
    }

    /// <summary>The model input (one image or token sequence).</summary>
    public ModelBuilder Input(int channels, int height, int width, string name = "input") =>
        Add(new InputLayer(name, new FeatureMap(channels, height, width)));

    /// <summary>
    /// A square conv; padding defaults to "same" ((k−1)/2·d) because almost every modern model pads that way.
    /// With <paramref name="act"/> the model's <see cref="Activation"/> follows as "{name}_{function}".
    /// </summary>
    public ModelBuilder Conv(string name, int outChannels, int k, int s = 1, int p = -1, int g = 1, int d = 1, bool act = false) =>
        ConvWindow(name, outChannels, new Window(k, k, s, s, p < 0 ? (k - 1) / 2 * d : p, p < 0 ? (k - 1) / 2 * d : p, d, d), g, act);

    /// <summary>An asymmetric conv (Inception v3's 1x7 / 7x1 factorised kernels), "same" padding.</summary>
    public ModelBuilder Conv(string name, int outChannels, int kh, int kw, bool act) =>
        ConvWindow(name, outChannels, new Window(kh, kw, 1, 1, (kh - 1) / 2, (kw - 1) / 2), 1, act);

    /// <summary>A depthwise conv: one filter per input channel.</summary>
    public ModelBuilder Depthwise(string name, int k, int s = 1, bool act = false) => Conv(name, Channels, k, s, g: Channels, act: act);

    /// <summary>A conv with an explicit window.</summary>
    public ModelBuilder ConvWindow(string name, int outChannels, Window window, int groups = 1, bool act = false)
    {
        Add(new ConvLayer(name, Last, outChannels, window, groups));
        return act ? Act($"{name}_{Activation}", Activation) : this;
    }

    /// <summary>A fully connected layer over the flattened input.</summary>
    public ModelBuilder Fc(string name, int outFeatures, bool act = false)
    {
        Add(new FullyConnectedLayer(name, Last, outFeatures));
        return act ? Act($"{name}_{Activation}", Activation) : this;
    }

    /// <summary>A matmul over a token sequence; <paramref name="right"/> names an activation operand (attention).</summary>
    public ModelBuilder MatMul(string name, int outFeatures, int groups = 1, string? right = null) =>
        Add(new MatMulLayer(name, Last, outFeatures, groups, right));

    /// <summary>Max pooling (no padding unless given; <paramref name="ceil"/> for Caffe-trained models).</summary>
    public ModelBuilder MaxPool(string name, int k, int s, int p = 0, bool ceil = false) =>
        Add(new PoolLayer(name, Last, LayerKind.MaxPool, Window.Square(k, s, p), ceil));

    /// <summary>Average pooling.</summary>
    public ModelBuilder AvgPool(string name, int k, int s, int p = 0, bool ceil = false) =>
        Add(new PoolLayer(name, Last, LayerKind.AvgPool, Window.Square(k, s, p), ceil));

    /// <summary>Global average pooling to C × 1 × 1.</summary>
    public ModelBuilder GlobalAvgPool(string name) => Add(new GlobalAvgPoolLayer(name, Last));

    /// <summary>An element-wise function of <see cref="Last"/>.</summary>
    public ModelBuilder Act(string name, string function, int opsPerElement = 1) =>
        Add(new ActivationLayer(name, Last, function, opsPerElement));

    /// <summary>Element-wise sum of <see cref="Last"/> and <paramref name="other"/> (a residual connection).</summary>
    public ModelBuilder AddTo(string name, string other) => Add(new AddLayer(name, [Last, other]));

    /// <summary>Channel concatenation of the named layers, in order.</summary>
    public ModelBuilder Concat(string name, params string[] operands) => Add(new ConcatLayer(name, operands));

    /// <summary>Channel shuffle across <paramref name="groups"/> groups.</summary>
    public ModelBuilder Shuffle(string name, int groups) => Add(new ChannelShuffleLayer(name, Last, groups));

    /// <summary>Channels [start, start+count) of <see cref="Last"/>.</summary>
    public ModelBuilder Slice(string name, int start, int count) => Add(new SliceLayer(name, Last, start, count));

    /// <summary>Scales <paramref name="input"/> channel-wise by <see cref="Last"/> (a C × 1 × 1 gate).</summary>
    public ModelBuilder ScaleOf(string name, string input) => Add(new ScaleLayer(name, input, Last));

    /// <summary>
    /// Squeeze-and-excitation on <see cref="Last"/>: global pool → 1x1 conv reduce → <paramref name="act"/> →
    /// 1x1 conv expand → <paramref name="gate"/> → channel scale. 1x1 convs on the 1x1 map are the FCs of the paper.
    /// </summary>
    public ModelBuilder SqueezeExcite(string prefix, int reduced, string act = "relu", string gate = "sigmoid")
    {
        string input = Last;
        int channels = Channels;
        return GlobalAvgPool($"{prefix}_se_pool")
            .Conv($"{prefix}_se_reduce", reduced, 1).Act($"{prefix}_se_{act}", act)
            .Conv($"{prefix}_se_expand", channels, 1).Act($"{prefix}_se_{gate}", gate)
            .ScaleOf($"{prefix}_se_scale", input);
    }

    /// <summary>Checks and returns the model.</summary>
    public ModelGraph Build() => ModelGraph.Build(modelName, _layers);
}
