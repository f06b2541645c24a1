using System.Text;
using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>Prints a mapping as a readable loop nest: outermost first, one `for` per loop with its level, spatial loops marked.</summary>
public static class LoopNestPrinter
{
    /// <summary>The nest as text; loops of factor 1 are left out.</summary>
    public static string Print(Accelerator arch, LoopMapping mapping)
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
                text.Append(Indent(++depth)).AppendLine($"for {d.ToString().ToLowerInvariant()}{i} in 0..{f}");
            }
            foreach (var (axis, factors) in new[] { ("y", level.SpatialY), ("x", level.SpatialX) })
                foreach (var d in Dims.All)
                {
                    int f = factors[(int)d];
                    if (f <= 1) continue;
                    text.Append(Indent(++depth)).AppendLine($"spatial-for {d.ToString().ToLowerInvariant()}{i} in 0..{f}   (across {axis} of {archLevel.Name}'s fan-out)");
                }
        }
        text.Append(Indent(depth + 1)).AppendLine("MAC");
        return text.ToString();
    }

    private static string Indent(int depth) => new(' ', 2 * depth);
}
