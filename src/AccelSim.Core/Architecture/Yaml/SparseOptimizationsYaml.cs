using AccelSim.Common;
using AccelSim.Workloads;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// Reads the architecture's <c>sparse_optimizations:</c> (docs/sparsity.md):
/// <c>gating: {level, target, condition_on}</c> and <c>compression: [{level, tensors, format: run-length, run_bits,
/// value_bits, pairs_per_word, word_bits, skip_model_input}]</c>. Levels are named; null when the section is absent.
/// </summary>
internal static class SparseOptimizationsYaml
{
    public static SparseOptimizations? Read(YamlMap root, IReadOnlyList<ArchLevel> levels)
    {
        var section = root.Map("sparse_optimizations");
        if (section is null) return null;
        section.AllowOnly("gating", "compression");
        return new SparseOptimizations
        {
            Gating = section.Map("gating") is { } gating ? ReadGating(gating, levels) : null,
            Compression = (section.Sequence("compression") ?? [])
                .Select(item => ReadCompression(YamlMap.Item(item.Node, root.File, item.Path), levels)).ToList(),
        };
    }

    private static Gating ReadGating(YamlMap map, IReadOnlyList<ArchLevel> levels)
    {
        map.AllowOnly("level", "target", "condition_on");
        int level = LevelIndex(map, levels);
        // Gating skips the reads that feed a MAC; only the innermost level's reads all do.
        if (level != levels.Count - 1) throw map.Error("level", $"gating acts where operands meet the MAC: the innermost level '{levels[^1].Storage.Name}'");
        var target = TensorOf(map, "target");
        var condition = TensorOf(map, "condition_on");
        if (target == condition) throw map.Error("condition_on", "must be another tensor than the target");
        if (!levels[level].Storage.Keeps.Has(target)) throw map.Error("target", $"level '{levels[level].Storage.Name}' does not keep {Tensors.Key(target)}");
        return new Gating(level, target, condition);
    }

    private static LevelCompression ReadCompression(YamlMap map, IReadOnlyList<ArchLevel> levels)
    {
        map.AllowOnly("level", "tensors", "format", "run_bits", "value_bits", "pairs_per_word", "word_bits", "skip_model_input");
        int level = LevelIndex(map, levels);
        var names = map.NameList("tensors") ?? throw map.Error("tensors", "missing (which tensors travel compressed)");
        var tensors = LevelYaml.ParseTensors(map.File, names);
        // Outputs reach a level as partial sums except at DRAM, where only final values (and spilled psums) arrive.
        if (level != 0 && tensors.Has(TensorKind.Outputs)) throw map.Error("tensors", "outputs can be compressed only at level 0 (inside it they are partial sums)");
        string format = map.RequiredString("format");
        if (format != "run-length") throw map.Error("format", $"expected run-length, got '{format}'");
        int run = map.PositiveInt("run_bits") ?? throw map.Error("run_bits", "missing (bits of a zero run)");
        if (run > 30) throw map.Error("run_bits", $"at most 30, got {run}");
        int value = map.PositiveInt("value_bits") ?? throw map.Error("value_bits", "missing (bits of a value)");
        int pairs = map.PositiveInt("pairs_per_word") ?? 1;
        int word = map.PositiveInt("word_bits") ?? (run + value) * pairs;
        if ((long)(run + value) * pairs > word) throw map.Error("word_bits", $"{pairs} pairs of {run + value} bits do not fit {word} bits");
        return new LevelCompression(level, tensors, new RunLengthFormat(run, value, pairs, word)) { SkipModelInput = map.Bool("skip_model_input") ?? false };
    }

    private static int LevelIndex(YamlMap map, IReadOnlyList<ArchLevel> levels)
    {
        string name = map.RequiredString("level");
        for (int i = 0; i < levels.Count; i++)
            if (string.Equals(levels[i].Storage.Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        throw map.Error("level", $"no level named '{name}' (has {string.Join(", ", levels.Select(l => l.Storage.Name))})");
    }

    private static TensorKind TensorOf(YamlMap map, string key)
    {
        string text = map.RequiredString(key);
        return Tensors.TryParse(text, out var tensor) ? tensor : throw map.Error(key, $"unknown tensor '{text}' (expected weights, inputs or outputs)");
    }
}
