using System.Globalization;
using AccelSim.Common;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// A YAML mapping read by hand, knowing its file and its path in the document, so that every error is one line
/// `FILE: PATH.KEY: what is wrong`. Typed getters return null for a missing key and throw for a wrong type.
/// </summary>
internal sealed class YamlMap(YamlMappingNode node, string file, string path)
{
    public string File => file;
    public string Path => path;

    /// <summary>Path of a key below this map, e.g. "levels[1].capacity".</summary>
    public string FieldPath(string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>An error about this map itself.</summary>
    public InputException Error(string message) => new($"{file}: {(path.Length == 0 ? "(top level)" : path)}: {message}");

    /// <summary>An error about one key of this map.</summary>
    public InputException Error(string key, string message) => new($"{file}: {FieldPath(key)}: {message}");

    /// <summary>Keys in document order.</summary>
    public IEnumerable<string> Keys => node.Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "");

    /// <summary>Rejects keys that are not in <paramref name="allowed"/>: a typo should not silently take a default.</summary>
    public void AllowOnly(params string[] allowed)
    {
        foreach (var key in node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name }) throw Error("keys must be plain names");
            if (!allowed.Contains(name)) throw Error(name, $"unknown key (expected one of: {string.Join(", ", allowed)})");
        }
    }

    public bool Has(string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    public YamlNode? Node(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>A scalar's text, or null when missing; a null YAML value counts as missing.</summary>
    public string? String(string key)
    {
        var value = Node(key);
        if (value is null) return null;
        if (value is not YamlScalarNode scalar) throw Error(key, $"expected a single value, got a {Describe(value)}");
        return IsNull(scalar) ? null : scalar.Value;
    }

    public string RequiredString(string key) => String(key) ?? throw Error(key, "missing (required)");

    public double? Double(string key)
    {
        string? text = String(key);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            throw Error(key, $"expected a number, got '{text}'");
        return value;
    }

    /// <summary>A number that must be &gt; 0.</summary>
    public double? PositiveDouble(string key)
    {
        double? value = Double(key);
        if (value is <= 0) throw Error(key, $"must be positive, got {Format(value.Value)}");
        return value;
    }

    /// <summary>A number that must be ≥ 0 (energies).</summary>
    public double? NonNegativeDouble(string key)
    {
        double? value = Double(key);
        if (value is < 0) throw Error(key, $"must not be negative, got {Format(value.Value)}");
        return value;
    }

    /// <summary>A whole number that must be &gt; 0.</summary>
    public int? PositiveInt(string key)
    {
        double? value = Double(key);
        if (value is null) return null;
        if (value <= 0) throw Error(key, $"must be positive, got {Format(value.Value)}");
        if (value != Math.Floor(value.Value) || value > int.MaxValue) throw Error(key, $"expected a whole number, got {Format(value.Value)}");
        return (int)value.Value;
    }

    public bool? Bool(string key)
    {
        string? text = String(key);
        if (text is null) return null;
        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(key, $"expected true or false, got '{text}'"),
        };
    }

    public YamlMap? Map(string key)
    {
        var value = Node(key);
        if (value is null || value is YamlScalarNode s && IsNull(s)) return null;
        if (value is not YamlMappingNode map) throw Error(key, $"expected a mapping (key: value lines), got a {Describe(value)}");
        return new YamlMap(map, file, FieldPath(key));
    }

    /// <summary>Items of a sequence with their paths ("levels[0]"), or null when missing.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)>? Sequence(string key)
    {
        var value = Node(key);
        if (value is null || value is YamlScalarNode s && IsNull(s)) return null;
        if (value is not YamlSequenceNode seq) throw Error(key, $"expected a list, got a {Describe(value)}");
        return seq.Children.Select((item, i) => (item, $"{FieldPath(key)}[{i}]")).ToArray();
    }

    /// <summary>A list of plain names; a single name is accepted as a list of one.</summary>
    public IReadOnlyList<(string Text, string Path)>? NameList(string key)
    {
        var value = Node(key);
        if (value is YamlScalarNode single && !IsNull(single)) return [(single.Value ?? "", FieldPath(key))];
        var items = Sequence(key);
        if (items is null) return null;
        return items.Select(item => item.Node is YamlScalarNode { Value: { } text }
            ? (text, item.Path)
            : throw new InputException($"{file}: {item.Path}: expected a name, got a {Describe(item.Node)}")).ToArray();
    }

    /// <summary>Wraps a sequence item that must be a mapping.</summary>
    public static YamlMap Item(YamlNode item, string file, string path) =>
        item is YamlMappingNode map ? new YamlMap(map, file, path) : throw new InputException($"{file}: {path}: expected a mapping, got a {Describe(item)}");

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        _ => "value",
    };

    public static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");
}
