using System.Globalization;
using AccelSim.Common;
using AccelSim.Mapping;
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

    private sealed record Entry(string At, string Target, string Type, Dictionary<Dim, int> Factors, TensorSet Keep, TensorSet Bypass,
        IReadOnlyList<Dim> Permutation);

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

    /// <summary>Checks a mapping against the fixed factors and keeps; throws naming the constraint that fails.</summary>
    public void Check(Accelerator arch, LoopMapping mapping)
    {
        foreach (var e in _entries)
        {
            int i = arch.IndexOf(e.Target);
            if (i < 0 || i >= mapping.Levels.Count) continue;
            var level = mapping.Levels[i];
            foreach (var (dim, factor) in e.Factors)
            {
                int actual = e.Type == "spatial" ? level.SpatialOf(dim) : e.Type == "temporal" ? level.TemporalOf(dim) : factor;
                if (actual != factor)
                    throw new InputException($"{_file}: {e.At}.factors: {TimeloopDims.ToTimeloop(dim)}={factor} at {e.Target}, the mapping has {actual}");
            }
            if (e.Type == "temporal" && e.Permutation.Count > 0)
            {
                // Loops that run, innermost first, in the mapping and in the constraint's order.
                var running = level.Order.Reverse().Where(d => level.TemporalOf(d) > 1 && e.Permutation.Contains(d)).ToList();
                var wanted = e.Permutation.Where(d => level.TemporalOf(d) > 1).ToList();
                if (!running.SequenceEqual(wanted))
                    throw new InputException($"{_file}: {e.At}.permutation: {e.Target}'s loops {Names(running)} (innermost first) do not nest as {Names(wanted)}");
            }
            var missing = e.Keep & ~level.Keeps;
            if (missing != TensorSet.None) throw new InputException($"{_file}: {e.At}.keep: {e.Target} must keep {missing.Describe()}, the mapping bypasses it");
            var held = e.Bypass & level.Keeps;
            if (held != TensorSet.None) throw new InputException($"{_file}: {e.At}.bypass: {e.Target} must bypass {held.Describe()}, the mapping keeps it");
        }
    }

    private static string Names(IEnumerable<Dim> dims) => string.Concat(dims.Select(TimeloopDims.ToTimeloop));

    /// <summary>Reads the constraints of the specification at <paramref name="path"/> and checks the mapping against them.</summary>
    public static void CheckFile(string path, Accelerator arch, LoopMapping mapping) =>
        Read(TimeloopYaml.Read(path, "architecture", "the flattened specification"), path).Check(arch, mapping);
}
