using AccelSim.Architecture;
using AccelSim.Architecture.Constraints;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Mapping;

/// <summary>
/// Reads a dataflow file: <c>name</c>, <c>aliases</c>, <c>description</c> and <c>roles:</c>, one constraint block per role
/// (backing, buffer, pe, pe-weights, pe-inputs, pe-outputs: temporal and keep constraints; array, lanes: <c>spatial</c>
/// only). Every problem is one line naming the file and the field.
/// </summary>
internal static class DataflowYaml
{
    private static readonly Dictionary<string, DataflowRole> RoleKeys = new()
    {
        ["backing"] = DataflowRole.Backing, ["buffer"] = DataflowRole.Buffer, ["pe"] = DataflowRole.Pe,
        ["pe-weights"] = DataflowRole.PeWeights, ["pe-inputs"] = DataflowRole.PeInputs, ["pe-outputs"] = DataflowRole.PeOutputs,
        ["array"] = DataflowRole.Array, ["lanes"] = DataflowRole.Lanes,
    };

    /// <summary>Parses a dataflow document; <paramref name="source"/> prefixes every error.</summary>
    public static Dataflow Parse(string text, string source)
    {
        var node = YamlFrontEnd.Parse(text, source) ?? throw new InputException($"{source}: (top level): empty file, expected a dataflow");
        if (node is not YamlMappingNode mapping) throw new InputException($"{source}: (top level): expected a mapping (name:, roles:)");
        var root = new YamlMap(mapping, source, "");
        root.AllowOnly("name", "aliases", "description", "roles");
        string name = root.RequiredString("name");
        var roles = root.Map("roles") ?? throw root.Error("roles", "missing (required: constraints per role)");
        var result = new Dictionary<DataflowRole, LevelConstraints>();
        foreach (string key in roles.Keys)
        {
            if (!RoleKeys.TryGetValue(key, out var role))
                throw roles.Error(key, $"unknown role (expected one of: {string.Join(", ", RoleKeys.Keys)})");
            var block = roles.Map(key) ?? throw roles.Error(key, "expected a constraint block");
            var constraints = ConstraintYaml.Read(block);
            bool spatialRole = role is DataflowRole.Array or DataflowRole.Lanes;
            bool hasSpatial = constraints.X is not null || constraints.Y is not null;
            bool hasOther = constraints.Factors.Count > 0 || constraints.Loops is not null || constraints.Permutation is not null
                || (constraints.Keep | constraints.MayKeep | constraints.NeverKeep) != TensorSet.None;
            if (spatialRole && hasOther) throw roles.Error(key, "a spatial role takes only spatial: {x, y}");
            if (!spatialRole && hasSpatial) throw block.Error("spatial", "give spatial constraints under the array or lanes role");
            result[role] = constraints;
        }
        var aliases = root.NameList("aliases")?.Select(a => a.Text).ToArray() ?? [];
        return new Dataflow(name, root.String("description") ?? "", result) { Aliases = aliases };
    }
}
