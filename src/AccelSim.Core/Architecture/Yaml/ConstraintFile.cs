using AccelSim.Common;
using YamlDotNet.RepresentationModel;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// A <c>--constraints FILE</c>: <c>constraints: {LEVEL: {block}, ...}</c>, one constraint block (docs/arch-format.md) per
/// level name of the architecture. A key given here replaces the same key of the level's own <c>constraints:</c>
/// block; the others stay. Every problem is one line naming the file and the field.
/// </summary>
public static class ConstraintFile
{
    /// <summary>The architecture with the file's constraints applied (unchanged when <paramref name="path"/> is null).</summary>
    public static Accelerator Apply(Accelerator arch, string? path) =>
        path is null ? arch : Parse(arch, YamlFrontEnd.ReadFile(path), path);

    /// <summary>Applies constraint text; <paramref name="source"/> prefixes every error.</summary>
    public static Accelerator Parse(Accelerator arch, string text, string source)
    {
        var node = YamlFrontEnd.Parse(text, source) ?? throw new InputException($"{source}: (top level): empty file, expected constraints:");
        if (node is not YamlMappingNode mapping) throw new InputException($"{source}: (top level): expected a mapping (constraints:)");
        var root = new YamlMap(mapping, source, "");
        root.AllowOnly("constraints");
        var blocks = root.Map("constraints") ?? throw root.Error("constraints", "missing (required: constraints per level name)");
        var levels = arch.Levels.ToList();
        foreach (string name in blocks.Keys)
        {
            int index = arch.IndexOf(name);
            if (index < 0)
                throw blocks.Error(name, $"no level named '{name}' in '{arch.Name}' (levels: {string.Join(", ", arch.Levels.Select(l => l.Name))})");
            var block = ConstraintYaml.Read(blocks.Map(name) ?? throw blocks.Error(name, "expected a constraint block"));
            var storage = levels[index].Storage;
            var unheld = (block.Keep | block.MayKeep) & ~storage.Keeps;
            if (unheld != Architecture.TensorSet.None)
                throw blocks.Error(name, $"level '{name}' cannot hold {unheld.Describe()} (not in its keeps or may_keep)");
            var merged = levels[index].Constraints.OverriddenBy(block);
            var mustNever = merged.NeverKeep & storage.Keeps & ~storage.OptionalKeeps;
            if (mustNever != Architecture.TensorSet.None)
                throw blocks.Error(name, $"never_keep {mustNever.Describe()} contradicts the level's keeps");
            levels[index] = levels[index] with { Constraints = merged };
        }
        return arch with { Levels = levels };
    }
}
