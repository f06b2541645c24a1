using System.Globalization;
using AccelSim.Common;
using AccelSim.Workloads.Layers;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Workloads.Yaml;

/// <summary>
/// The strict reader behind <see cref="WorkloadYaml.Parse"/>: walks the YAML node tree by hand (not a deserializer) so that
/// every unknown key, missing key and wrong type is reported with the file, the layer and the field.
/// </summary>
internal static class WorkloadYamlReader
{
    private static readonly HashSet<string> TopKeys = ["model", "description", "layers"];


    // Keys each kind accepts beyond name and kind; required ones are checked where they are read.
    private static readonly Dictionary<LayerKind, string[]> KindKeys = new()
    {
        [LayerKind.Input] = ["shape"],
        [LayerKind.Conv] = ["input", "out_channels", "kernel", "stride", "padding", "dilation", "groups", "in_channels"],
        [LayerKind.FullyConnected] = ["input", "out_features", "in_features"],
        [LayerKind.MatMul] = ["input", "out_features", "groups", "right"],
        [LayerKind.MaxPool] = ["input", "kernel", "stride", "padding", "ceil_mode"],
        [LayerKind.AvgPool] = ["input", "kernel", "stride", "padding", "ceil_mode"],
        [LayerKind.GlobalAvgPool] = ["input"],
        [LayerKind.Add] = ["inputs"],
        [LayerKind.Concat] = ["inputs"],
        [LayerKind.ChannelShuffle] = ["input", "groups"],
        [LayerKind.Scale] = ["input", "scale"],
        [LayerKind.Activation] = ["input", "function", "ops_per_element"],
        [LayerKind.Slice] = ["input", "start", "count"],
    };

    public static ModelGraph Read(string text, string source)
    {
        if (YamlFrontEnd.Parse(text, source) is not YamlMappingNode root)
            throw new InputException($"{source}: expected a mapping with 'model' and 'layers'");
        foreach (var key in root.Children.Keys)
            if (!TopKeys.Contains(KeyText(key)))
                throw new InputException($"{source}: line {key.Start.Line}: unknown key '{KeyText(key)}' (expected model, description, layers)");
        string model = root.Children.TryGetValue("model", out var m) && m is YamlScalarNode { Value: { Length: > 0 } name }
            ? name : throw new InputException($"{source}: missing or empty key 'model'");
        if (!root.Children.TryGetValue("layers", out var l) || l is not YamlSequenceNode list)
            throw new InputException($"{source}: missing key 'layers' (a list of layers)");
        var aliases = WorkloadAliases.Find(list, source);
        var layers = list.Children.Select((node, i) => ReadLayer(node, i + 1, source, aliases)).OfType<Layer>().ToList();
        try { return ModelGraph.Build(model, layers, aliases.Folded); }
        catch (WorkloadException e) { throw new WorkloadException($"{source}: {e.Message}"); }
    }

    // Null for a flatten or a folded batchnorm, which are not layers of their own.
    private static Layer? ReadLayer(YamlNode node, int index, string source, WorkloadAliases aliases)
    {
        if (node is not YamlMappingNode map)
            throw new InputException($"{source}: layer #{index} (line {node.Start.Line}): expected a mapping of keys");
        var fields = new LayerFields(map, source, $"layer #{index}", aliases.Resolve);
        string name = fields.Text("name");
        fields.Where = $"layer '{name}'";
        string kindName = fields.Text("kind");
        if (kindName is "flatten" or "batchnorm")
        {
            fields.CheckKeys(["name", "kind", "input"]);
            return aliases.IsAlias(name) ? null : new ActivationLayer(name, fields.Text("input"), "batchnorm", WorkloadAliases.BatchNormOps);
        }
        if (!LayerKinds.TryParse(kindName, out var kind))
            throw fields.Fail($"unknown kind '{kindName}' (expected one of {string.Join(", ", LayerKinds.Names)}, linear, batchnorm, flatten)");
        fields.CheckKeys(["name", "kind", .. KindKeys[kind]]);
        return kind switch
        {
            LayerKind.Input => ReadInput(fields, name),
            LayerKind.Conv => new ConvLayer(name, fields.Text("input"), fields.Positive("out_channels"), ReadWindow(fields),
                fields.Positive("groups", 1), fields.OptionalPositive("in_channels")),
            LayerKind.FullyConnected => new FullyConnectedLayer(name, fields.Text("input"), fields.Positive("out_features"),
                fields.OptionalPositive("in_features")),
            LayerKind.MatMul => new MatMulLayer(name, fields.Text("input"), fields.Positive("out_features"),
                fields.Positive("groups", 1), fields.OptionalText("right")),
            LayerKind.MaxPool or LayerKind.AvgPool => new PoolLayer(name, fields.Text("input"), kind, ReadWindow(fields),
                fields.Bool("ceil_mode", false)),
            LayerKind.GlobalAvgPool => new GlobalAvgPoolLayer(name, fields.Text("input")),
            LayerKind.Add => new AddLayer(name, fields.TextList("inputs", 2)),
            LayerKind.Concat => new ConcatLayer(name, fields.TextList("inputs", 1)),
            LayerKind.ChannelShuffle => new ChannelShuffleLayer(name, fields.Text("input"), fields.Positive("groups")),
            LayerKind.Scale => new ScaleLayer(name, fields.Text("input"), fields.Text("scale")),
            LayerKind.Activation => new ActivationLayer(name, fields.Text("input"), fields.Text("function"),
                fields.Positive("ops_per_element", 1)),
            LayerKind.Slice => new SliceLayer(name, fields.Text("input"), fields.NonNegative("start"), fields.Positive("count")),
            _ => throw fields.Fail($"kind '{kindName}' is not supported"),
        };
    }

    private static InputLayer ReadInput(LayerFields fields, string name)
    {
        var shape = fields.IntList("shape", 3, 3);
        for (int i = 0; i < 3; i++)
            if (shape[i] <= 0) throw fields.Fail($"'shape' values must be positive, got [{string.Join(", ", shape)}]");
        return new InputLayer(name, new FeatureMap(shape[0], shape[1], shape[2]));
    }

    // kernel, stride, padding and dilation are each an integer (square) or [height, width]; padding may also be
    // [top, bottom, left, right], where a negative value crops.
    private static Window ReadWindow(LayerFields fields)
    {
        var (kh, kw) = fields.Pair("kernel", null, positive: true);
        var (sh, sw) = fields.Pair("stride", 1, positive: true);
        var (dh, dw) = fields.Pair("dilation", 1, positive: true);
        if (fields.FourSides("padding") is [int top, int bottom, int left, int right])
            return new Window(kh, kw, sh, sw, top, left, dh, dw) { PadBottom = bottom, PadRight = right };
        var (ph, pw) = fields.Pair("padding", 0, positive: false);
        return new Window(kh, kw, sh, sw, ph, pw, dh, dw);
    }

    internal static string KeyText(YamlNode key) => key is YamlScalarNode s ? s.Value ?? "" : key.ToString();

    /// <summary>Typed access to one layer's keys, each failure a one-line message naming file, layer and field.</summary>
    private sealed class LayerFields(YamlMappingNode map, string source, string where, Func<string, string> resolve)
    {
        // Keys that name other layers; a name read there goes through flatten and folded batchnorm layers.
        private static readonly HashSet<string> References = ["input", "inputs", "scale", "right"];

        public string Where { get; set; } = where;

        public InputException Fail(string problem) => new($"{source}: {Where}: {problem}");

        public void CheckKeys(IReadOnlyCollection<string> allowed)
        {
            foreach (var key in map.Children.Keys)
                if (!allowed.Contains(KeyText(key)))
                    throw Fail($"unknown key '{KeyText(key)}' (allowed: {string.Join(", ", allowed)})");
        }

        private YamlNode? Node(string key) => map.Children.TryGetValue(key, out var node) ? node : null;

        private YamlNode Required(string key) => Node(key) ?? throw Fail($"missing required key '{key}'");

        public string Text(string key) => AsText(key, Required(key));

        public string? OptionalText(string key) => Node(key) is { } node ? AsText(key, node) : null;

        private string AsText(string key, YamlNode node) =>
            node is YamlScalarNode { Value: { Length: > 0 } value } ? References.Contains(key) ? resolve(value) : value
                : throw Fail($"'{key}' must be a non-empty string");

        public IReadOnlyList<string> TextList(string key, int min)
        {
            if (Required(key) is not YamlSequenceNode list) throw Fail($"'{key}' must be a list of layer names");
            var names = list.Children.Select(n => AsText(key, n)).ToList();
            if (names.Count < min) throw Fail($"'{key}' needs at least {min} layer name(s), got {names.Count}");
            return names;
        }

        public int Positive(string key) => CheckPositive(key, AsInt(key, Required(key)));

        public int Positive(string key, int fallback) => Node(key) is { } node ? CheckPositive(key, AsInt(key, node)) : fallback;

        public int? OptionalPositive(string key) => Node(key) is { } node ? CheckPositive(key, AsInt(key, node)) : null;

        public int NonNegative(string key)
        {
            int value = AsInt(key, Required(key));
            return value >= 0 ? value : throw Fail($"'{key}' must not be negative, got {value}");
        }

        private int CheckPositive(string key, int value) => value > 0 ? value : throw Fail($"'{key}' must be positive, got {value}");

        private int AsInt(string key, YamlNode node) =>
            node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
                ? value : throw Fail($"'{key}' must be an integer, got {Describe(node)}");

        public bool Bool(string key, bool fallback)
        {
            if (Node(key) is not { } node) return fallback;
            return node is YamlScalarNode { Value: "true" or "false" } s ? s.Value == "true"
                : throw Fail($"'{key}' must be true or false, got {Describe(node)}");
        }

        public int[] IntList(string key, int min, int max)
        {
            if (Required(key) is not YamlSequenceNode list || list.Children.Count < min || list.Children.Count > max)
                throw Fail($"'{key}' must be a list of {(min == max ? $"{min}" : $"{min} to {max}")} integers");
            return list.Children.Select(n => AsInt(key, n)).ToArray();
        }

        /// <summary>[top, bottom, left, right] when <paramref name="key"/> is a four-value list; null for the short forms.</summary>
        public int[]? FourSides(string key)
        {
            if (Node(key) is not YamlSequenceNode list || list.Children.Count == 2) return null;
            return list.Children.Count == 4 ? list.Children.Select(n => AsInt(key, n)).ToArray()
                : throw Fail($"'{key}' must be an integer, [height, width] or [top, bottom, left, right]");
        }

        public (int H, int W) Pair(string key, int? fallback, bool positive)
        {
            var node = Node(key);
            if (node is null)
                return fallback is int f ? (f, f) : throw Fail($"missing required key '{key}'");
            int[] values = node is YamlSequenceNode ? IntList(key, 2, 2) : [AsInt(key, node)];
            foreach (int v in values)
                if (positive ? v <= 0 : v < 0)
                    throw Fail($"'{key}' must be {(positive ? "positive" : "non-negative")}, got {v}");
            return (values[0], values[^1]);
        }

        private static string Describe(YamlNode node) => node switch
        {
            YamlScalarNode s => $"'{s.Value}'",
            YamlSequenceNode => "a list",
            _ => "a mapping",
        };
    }
}
