using System.Globalization;
using AccelSim.Common;
using AccelSim.Workloads;
using AccelSim.Workloads.Timeloop;
using YamlDotNet.RepresentationModel;
using static AccelSim.Architecture.Timeloop.TimeloopYaml;

namespace AccelSim.Architecture.Timeloop;

/// <summary>
/// Timeloop's architecture and mapspace constraints (<c>architecture_constraints</c>, <c>mapspace_constraints</c>: a
/// <c>targets</c> list of entries with <c>target</c>, <c>type</c> and <c>factors</c>, <c>permutation</c>, <c>keep</c>,
/// <c>bypass</c>). Keep/bypass become the levels' keeps (a bypassed tensor cannot be held, a kept one must be);
/// <c>factors</c> fix a level's temporal or spatial factors and are checked against a given mapping; a temporal
/// <c>permutation</c> (innermost first) is checked on the loops that run (factor above 1): those it lists must nest in its
/// order. Spatial permutations and <c>split</c> only steer Timeloop's search and are read but not checked; <c>utilization</c>
/// entries likewise.
/// </summary>
public sealed class TimeloopConstraints
{
    private readonly string _file;
    private readonly List<Entry> _entries;

    private TimeloopConstraints(string file, List<Entry> entries)
    {
        _file = file;
        _entries = entries;
    }

    /// <summary>One constraint target: where it is written (<c>At</c>), its level, its type (temporal, spatial, bypass, ...),
    /// fixed factors, tensors kept and bypassed, and a temporal permutation (innermost first).</summary>
    public sealed record Entry(string At, string Target, string Type, Dictionary<Dim, int> Factors, TensorSet Keep, TensorSet Bypass,
        IReadOnlyList<Dim> Permutation);

    /// <summary>The file the constraints were read from (for error messages).</summary>
    public string File => _file;

    /// <summary>The constraint targets, in file order.</summary>
    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>Reads the constraints of a flattened specification (none when it has none).</summary>
    public static TimeloopConstraints Read(YamlMappingNode root, string file)
    {
        var entries = new List<Entry>();
        foreach (var key in new[] { "architecture_constraints", "mapspace_constraints" })
        {
            var node = Child(root, key);
            var list = node switch
            {
                null => null,
                YamlSequenceNode seq => seq,
                YamlMappingNode map => List(map, file, key, "targets"),
                _ => throw new InputException($"{file}: {key}: expected a mapping with targets: or a list"),
            };
            if (list is null) continue;
            string listAt = node is YamlMappingNode ? key + ".targets" : key;
            for (int i = 0; i < list.Children.Count; i++)
                entries.Add(ReadEntry(list.Children[i], $"{listAt}[{i}]", file));
        }
        return new TimeloopConstraints(file, entries);
    }

    private static Entry ReadEntry(YamlNode node, string at, string file)
    {
        if (node is not YamlMappingNode map) throw new InputException($"{file}: {at}: expected a mapping");
        string target = Scalar(map, "target") ?? throw new InputException($"{file}: {at}.target: missing");
        string type = (Scalar(map, "type") ?? throw new InputException($"{file}: {at}.type: missing")).ToLowerInvariant();
        if (type is not ("temporal" or "spatial" or "bypass" or "datatype" or "dataspace" or "utilization"))
            throw new InputException($"{file}: {at}.type: '{type}' is not a supported constraint (temporal, spatial, bypass, datatype, utilization)");
        var factors = new Dictionary<Dim, int>();
        string factorText = Child(map, "factors") switch
        {
            null => "",
            YamlScalarNode s => s.Value ?? "",
            YamlSequenceNode seq => string.Join(" ", seq.Children.OfType<YamlScalarNode>().Select(n => n.Value)),
            _ => throw new InputException($"{file}: {at}.factors: expected 'D=n' items"),
        };
        foreach (var item in factorText.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            string name = item[..1], value = item[1..].TrimStart('=');
            var dim = TimeloopDims.ToAccelSim(name) ?? throw new InputException($"{file}: {at}.factors: '{item}': '{name}' is not a conv2D dim");
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int f))
                throw new InputException($"{file}: {at}.factors: '{item}': the factor must be a non-negative integer");
            if (f > 0) factors[dim] = f; // 0 leaves the factor to the mapper
        }
        return new Entry(at, target, type, factors, Tensors(map, file, at, "keep"), Tensors(map, file, at, "bypass"), Permutation(map, file, at));
    }

    // A permutation constraint, innermost first: "NCPRSQM" or a list of dims.
    private static List<Dim> Permutation(YamlMappingNode map, string file, string at)
    {
        string text = Child(map, "permutation") switch
        {
            null => "",
            YamlScalarNode s => s.Value ?? "",
            YamlSequenceNode seq => string.Concat(seq.Children.OfType<YamlScalarNode>().Select(n => n.Value)),
            _ => throw new InputException($"{file}: {at}.permutation: expected dims"),
        };
        var dims = new List<Dim>();
        foreach (char c in text.Where(c => !char.IsWhiteSpace(c) && c != ','))
            dims.Add(TimeloopDims.ToAccelSim(c.ToString()) ?? throw new InputException($"{file}: {at}.permutation: '{c}' is not a conv2D dim"));
        return dims;
    }

    private static TensorSet Tensors(YamlMappingNode map, string file, string at, string key)
    {
        var set = TensorSet.None;
        var node = Child(map, key);
        if (node is null) return set;
        if (node is not YamlSequenceNode list) throw new InputException($"{file}: {at}.{key}: expected a list of data spaces");
        foreach (var item in list.Children)
        {
            string name = (item as YamlScalarNode)?.Value ?? "";
            if (!Workloads.Tensors.TryParse(name, out var tensor)) throw new InputException($"{file}: {at}.{key}: '{name}' is not Weights, Inputs or Outputs");
            set |= TensorSets.Of(tensor);
        }
        return set;
    }

    /// <summary>What a level may keep: everything its constraints do not bypass (the outermost level keeps everything).</summary>
    public TensorSet KeepsOf(string level, bool outermost)
    {
        if (outermost) return TensorSet.All;
        var keeps = TensorSet.All;
        foreach (var e in _entries.Where(e => Is(e, level))) keeps &= ~e.Bypass;
        return keeps;
    }

    /// <summary>What a level must keep.</summary>
    public TensorSet MustKeep(string level) =>
        _entries.Where(e => Is(e, level)).Aggregate(TensorSet.None, (s, e) => s | e.Keep);

    private static bool Is(Entry e, string level) => string.Equals(e.Target, level, StringComparison.OrdinalIgnoreCase);

    /// <summary>Refuses a constraint whose target is not a level.</summary>
    public void CheckTargets(IReadOnlyList<string> levels)
    {
        foreach (var e in _entries)
            if (!levels.Any(l => string.Equals(l, e.Target, StringComparison.OrdinalIgnoreCase)))
                throw new InputException($"{_file}: {e.At}.target: '{e.Target}' is not a level ({string.Join(", ", levels)})");
    }
}
