using System.Text;
using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>Prints a mapping as a readable loop nest: outermost first, one `for` per loop with its level, spatial loops marked.</summary>
public static class LoopNestPrinter
{
    /// <summary>The nest as text; loops of factor 1 are left out.</summary>
    public static string Print(Accelerator arch, LoopMapping mapping) => Print(arch, mapping, null);

    /// <summary>
    /// The nest as text; with the layer's <paramref name="problem"/>, a loop whose factor does not divide what is left of
    /// its bound (imperfect factorization) also says how its last pass runs.
    /// </summary>
    public static string Print(Accelerator arch, LoopMapping mapping, ProblemShape? problem)
    {
        var text = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < mapping.Levels.Count; i++)
        {
            var level = mapping.Levels[i];
            var archLevel = arch.Levels[i];
            text.Append(Indent(depth)).Append($"[{archLevel.Name}] keeps {level.Keeps.Describe()}");
            if (!archLevel.Storage.Unbounded) text.Append($" ({archLevel.Storage.TotalWords} words)");
            text.AppendLine();
            foreach (var d in level.Order)
            {
                int f = level.TemporalOf(d);
                if (f <= 1) continue;
                text.Append(Indent(++depth)).AppendLine($"for {LoopName(mapping, d)}{i} in 0..{f}{Partial(problem, mapping, d, i, "temporal")}");
            }
            foreach (var (axis, factors) in new[] { ("y", level.SpatialY), ("x", level.SpatialX) })
                foreach (var d in Dims.All)
                {
                    int f = factors[(int)d];
                    if (f <= 1) continue;
                    text.Append(Indent(++depth)).AppendLine($"spatial-for {LoopName(mapping, d)}{i} in 0..{f}   (across {axis} of {archLevel.Name}'s fan-out){Partial(problem, mapping, d, i, "spatial " + axis)}");
                }
        }
        text.Append(Indent(depth + 1)).AppendLine("MAC");
        foreach (var g in mapping.Flatten)
            text.AppendLine($"flattened: {LoopName(mapping, g.First)} = {string.Join("·", g.Members.Select(m => m.ToString().ToLowerInvariant()))} as one flat index (most significant first)");
        return text.ToString();
    }

    // "p1", or "p*q1" for the joint dim of a flattened group (its loops sit on the group's first dim).
    private static string LoopName(LoopMapping mapping, Dim d) =>
        (mapping.GroupOf(d) is { } g && g.First == d ? string.Join("*", g.Members) : d.ToString()).ToLowerInvariant();

    private static string Indent(int depth) => new(' ', 2 * depth);

    // "   (imperfect: its last pass runs 0..2, the last of them 1 of 3)" when the loop's span does not divide the bound:
    // the pass that reaches the bound runs fewer iterations (or leaves units idle) and its last tile is partial.
    private static string Partial(ProblemShape? problem, LoopMapping mapping, Dim d, int level, string kind)
    {
        if (problem is null) return "";
        var digit = FactorCoverage.InnermostFirst(mapping, d).FirstOrDefault(x => x.Level == level && x.Kind == kind);
        long span = digit.Factor * digit.Inner, bound = mapping.BoundOf(problem, d);
        if (digit.Factor == 0 || bound % span == 0) return "";
        long rest = bound % span, trips = (rest + digit.Inner - 1) / digit.Inner, last = rest - (trips - 1) * digit.Inner;
        string what = kind == "temporal" ? "pass runs" : "fold uses";
        return $"   (imperfect: its last {what} 0..{trips}, the last of them {last} of {digit.Inner})";
    }
}
