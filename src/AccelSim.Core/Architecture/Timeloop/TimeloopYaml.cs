using System.Globalization;
using AccelSim.Common;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Architecture.Timeloop;

/// <summary>Small readers over YamlDotNet nodes for Timeloop's files; every error names the file and the field.</summary>
internal static class TimeloopYaml
{
    /// <summary>Marks of Timeloop's templated v0.4 front-end sources, which only its Python front end can expand.</summary>
    private static readonly string[] TemplateMarks = ["{{", "{%", "!Component", "!Container", "!Parallel", "!Hierarchical", "<<<:", "!Include"];

    /// <summary>Reads and parses a Timeloop file, refusing templated front-end sources by name.</summary>
    public static YamlMappingNode Read(string path, string what, string instead)
    {
        string text = YamlFrontEnd.ReadFile(path);
        if (TemplateMarks.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal)) is { } mark)
            throw new InputException($"{path}: {what}: a templated Timeloop v0.4 front-end source ('{mark}'); give {instead} instead");
        return YamlFrontEnd.Parse(text, path) as YamlMappingNode
            ?? throw new InputException($"{path}: (top level): expected a YAML mapping");
    }

    /// <summary>True when the file is readable and a line starts with <paramref name="key"/> (a top-level key, in any position).</summary>
    public static bool HasTopLevelKey(string path, string key)
    {
        try
        {
            using var reader = new StreamReader(path);
            for (int i = 0; i < 100_000 && reader.ReadLine() is { } line; i++)
                if (line.StartsWith(key, StringComparison.Ordinal)) return true;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return false;
    }

    public static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public static string? Scalar(YamlMappingNode map, string key) => Child(map, key) is YamlScalarNode s ? s.Value : null;

    /// <summary>The first of several spellings present (Timeloop v0.3 writes word-bits, v0.4 datawidth).</summary>
    public static (string Key, string Value)? AnyScalar(YamlMappingNode map, params string[] keys)
    {
        foreach (var key in keys)
            if (Scalar(map, key) is { } v) return (key, v);
        return null;
    }

    public static double? Number(YamlMappingNode map, string file, string at, params string[] keys)
    {
        if (AnyScalar(map, keys) is not { } found) return null;
        if (!double.TryParse(found.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new InputException($"{file}: {at}.{found.Key}: expected a number, got '{found.Value}'");
        return v;
    }

    public static long? PositiveInteger(YamlMappingNode map, string file, string at, params string[] keys)
    {
        if (AnyScalar(map, keys) is not { } found) return null;
        if (!long.TryParse(found.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) || v < 1)
            throw new InputException($"{file}: {at}.{found.Key}: expected a positive integer, got '{found.Value}'");
        return v;
    }

    public static YamlSequenceNode? List(YamlMappingNode map, string file, string at, string key) => Child(map, key) switch
    {
        null => null,
        YamlSequenceNode seq => seq,
        _ => throw new InputException($"{file}: {at}.{key}: expected a list"),
    };

    public static YamlMappingNode? Map(YamlMappingNode map, string file, string at, string key) => Child(map, key) switch
    {
        null => null,
        YamlMappingNode m => m,
        _ => throw new InputException($"{file}: {at}.{key}: expected a mapping"),
    };

    /// <summary>"ifmap_spad[1..168]" → ("ifmap_spad", 168); a name without a range is one instance.</summary>
    public static (string Name, long Count) NameAndCount(string text, string file, string at)
    {
        int open = text.IndexOf('[');
        if (open < 0) return (text.Trim(), 1);
        string range = text[(open + 1)..].TrimEnd(']');
        var parts = range.Split("..");
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long lo)
            || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long hi) || hi < lo || lo < 0)
            throw new InputException($"{file}: {at}.name: '{text}': expected NAME[first..last] with first <= last");
        return (text[..open].Trim(), checked(hi - lo + 1));
    }
}
