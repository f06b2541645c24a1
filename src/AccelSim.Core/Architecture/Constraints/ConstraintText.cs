using AccelSim.Workloads;

namespace AccelSim.Architecture.Constraints;

/// <summary>A constraint block as one line of text, in the arch file's own terms (for <c>accelsim arch</c> and errors).</summary>
public static class ConstraintText
{
    /// <summary>"loops C, S; permutation S C; x dims P, M; keep weights" style text; "none" for an empty block.</summary>
    public static string Describe(LevelConstraints c)
    {
        var parts = new List<string>();
        if (c.Factors.Count > 0)
            parts.Add("factors " + string.Join(" ", c.Factors.Select(f => $"{f.Key}={string.Join("|", f.Value.Select(v => v == 0 ? "whole" : v.ToString()))}")));
        if (c.Loops is { } loops) parts.Add(loops.Count == 0 ? "no loops" : $"loops {Dims(loops)}");
        if (c.Permutation is { } permutation) parts.Add($"permutation {string.Join(" ", permutation)} (innermost last)");
        foreach (var (axis, name) in new[] { (c.X, "x"), (c.Y, "y") })
        {
            if (axis is null) continue;
            var spatial = new List<string>();
            if (axis.Dims is { } dims) spatial.Add($"dims {Dims(dims)}");
            if (axis.MaxDims is int max) spatial.Add($"at most {max}");
            if (axis.Factors.Count > 0) spatial.Add("factors " + string.Join(" ", axis.Factors.Select(f => $"{f.Key}={(f.Value == 0 ? "whole" : f.Value)}")));
            if (axis.WholeIfFits.Count > 0) spatial.Add($"whole when it fits {Dims(axis.WholeIfFits)}");
            parts.Add($"{name}: {string.Join(", ", spatial)}");
        }
        if (c.Keep != TensorSet.None) parts.Add($"keep {c.Keep.Describe()}");
        if (c.MayKeep != TensorSet.None) parts.Add($"may keep {c.MayKeep.Describe()}");
        if (c.NeverKeep != TensorSet.None) parts.Add($"never keep {c.NeverKeep.Describe()}");
        return parts.Count == 0 ? "none" : string.Join("; ", parts);
    }

    private static string Dims(IReadOnlyList<Dim> dims) => string.Join(", ", dims);
}
