using AccelSim.Architecture.Constraints;
using AccelSim.Common;
using AccelSim.Workloads;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// Reads one constraint block (a level's <c>constraints:</c>, an entry of a <c>--constraints</c> file, a dataflow role):
/// <c>factors</c> ({dim: n | [n, ...]} or Timeloop's [C=1, R=0]; 0 = the whole bound left), <c>loops</c> (dims that may loop
/// here), <c>permutation</c> (outermost first, the level's innermost loops), <c>spatial: {x, y: {dims, max_dims, factors,
/// whole, flatten}}</c>, and <c>keep</c>, <c>may_keep</c>, <c>never_keep</c> (or <c>bypass</c>). Every error is one line naming the field.
/// </summary>
internal static class ConstraintYaml
{
    private static readonly string[] Keys = ["factors", "loops", "permutation", "spatial", "keep", "may_keep", "never_keep", "bypass"];

    /// <summary>The block, or <see cref="LevelConstraints.None"/> when <paramref name="map"/> is null.</summary>
    public static LevelConstraints Read(YamlMap? map)
    {
        if (map is null) return LevelConstraints.None;
        map.AllowOnly(Keys);
        var spatial = map.Map("spatial");
        spatial?.AllowOnly("x", "y");
        var keep = TensorList(map, "keep");
        var may = TensorList(map, "may_keep");
        var never = TensorList(map, "never_keep") | TensorList(map, "bypass");
        if ((keep & may) != TensorSet.None) throw map.Error("may_keep", $"{(keep & may).Describe()} is also in keep");
        if ((keep & never) != TensorSet.None) throw map.Error("never_keep", $"{(keep & never).Describe()} is also in keep");
        if ((may & never) != TensorSet.None) throw map.Error("never_keep", $"{(may & never).Describe()} is also in may_keep");
        var permutation = DimList(map, "permutation");
        if (permutation is not null && permutation.Distinct().Count() != permutation.Count)
            throw map.Error("permutation", "lists a dim twice");
        return new LevelConstraints
        {
            Factors = TemporalFactors(map),
            Loops = DimList(map, "loops"),
            Permutation = permutation,
            X = Axis(spatial?.Map("x")),
            Y = Axis(spatial?.Map("y")),
            Keep = keep,
            MayKeep = may,
            NeverKeep = never,
        };
    }

    private static AxisConstraints? Axis(YamlMap? map)
    {
        if (map is null) return null;
        map.AllowOnly("dims", "max_dims", "factors", "whole", "flatten");
        var factors = new Dictionary<Dim, int>();
        foreach (var (dim, values, path) in FactorEntries(map, "factors"))
        {
            if (values.Count != 1) throw new InputException($"{map.File}: {path}: a spatial factor is one number (0 = the whole bound left)");
            factors[dim] = values[0];
        }
        return new AxisConstraints
        {
            Dims = DimList(map, "dims"),
            MaxDims = map.PositiveInt("max_dims"),
            Factors = factors,
            WholeIfFits = DimList(map, "whole") ?? [],
            Flatten = map.Bool("flatten"),
        };
    }

    private static Dictionary<Dim, IReadOnlyList<int>> TemporalFactors(YamlMap map)
    {
        var result = new Dictionary<Dim, IReadOnlyList<int>>();
        foreach (var (dim, values, _) in FactorEntries(map, "factors")) result[dim] = values;
        return result;
    }

    // factors as {C: 1, M: [1, 2]} or as Timeloop's list of "C=1" items (also one "C=1 R=0" string).
    private static IEnumerable<(Dim Dim, IReadOnlyList<int> Values, string Path)> FactorEntries(YamlMap map, string key)
    {
        var node = map.Node(key);
        if (node is null) yield break;
        var seen = new HashSet<Dim>();
        if (node is YamlMappingNode)
        {
            var factors = map.Map(key)!;
            foreach (string name in factors.Keys)
            {
                string path = factors.FieldPath(name);
                var dim = ParseDim(map.File, path, name);
                if (!seen.Add(dim)) throw new InputException($"{map.File}: {path}: {dim} given twice");
                var value = factors.Node(name)!;
                IReadOnlyList<int> values = value is YamlSequenceNode seq
                    ? seq.Children.Select((v, i) => Factor(map.File, $"{path}[{i}]", v)).ToArray()
                    : [Factor(map.File, path, value)];
                if (values.Count == 0) throw new InputException($"{map.File}: {path}: give at least one factor");
                yield return (dim, values, path);
            }
            yield break;
        }
        var items = map.NameList(key) ?? [];
        foreach (var (text, path) in items)
            foreach (string part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=');
                if (eq <= 0) throw new InputException($"{map.File}: {path}: expected DIM=FACTOR (as C=1), got '{part}'");
                var dim = ParseDim(map.File, path, part[..eq]);
                if (!seen.Add(dim)) throw new InputException($"{map.File}: {path}: {dim} given twice");
                yield return (dim, [Factor(map.File, path, new YamlScalarNode(part[(eq + 1)..]))], path);
            }
    }

    private static int Factor(string file, string path, YamlNode node)
    {
        if (node is not YamlScalarNode { Value: { } text } || !int.TryParse(text, out int f) || f < 0)
            throw new InputException($"{file}: {path}: expected a whole number >= 0 (0 = the whole bound left), got '{(node as YamlScalarNode)?.Value ?? YamlMap.Describe(node)}'");
        return f;
    }

    private static IReadOnlyList<Dim>? DimList(YamlMap map, string key) =>
        map.NameList(key)?.Select(item => ParseDim(map.File, item.Path, item.Text)).ToArray();

    private static Dim ParseDim(string file, string path, string text) =>
        Dims.TryParse(text.Trim(), out var dim) ? dim : throw new InputException($"{file}: {path}: unknown dim '{text}' (expected one of N, G, M, C, P, Q, R, S)");

    private static TensorSet TensorList(YamlMap map, string key) =>
        map.NameList(key) is { } names ? LevelYaml.ParseTensors(map.File, names) : TensorSet.None;
}
