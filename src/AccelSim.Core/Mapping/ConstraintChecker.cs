using AccelSim.Architecture;
using AccelSim.Architecture.Constraints;
using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// Checks a mapping against resolved constraints, level by level: keeps (must, never), temporal factors (allowed values,
/// whole bounds, dims that may loop), the order of the constrained innermost loops, and per axis the dims unrolled, how
/// many, fixed factors and whole-when-it-fits dims. Every broken constraint is one message naming the level.
/// </summary>
public static class ConstraintChecker
{
    /// <summary>Every broken constraint; empty when the mapping satisfies them all.</summary>
    public static IReadOnlyList<string> Check(ProblemShape problem, Accelerator arch, ResolvedConstraints constraints, LoopMapping mapping)
    {
        var errors = new List<string>();
        if (mapping.Levels.Count != arch.Levels.Count) return errors; // the validator reports the shape mismatch
        for (int i = 0; i < arch.Levels.Count; i++)
        {
            string name = arch.Levels[i].Name;
            var m = mapping.Levels[i];
            var c = constraints.Levels[i];
            var missing = constraints.Must[i] & ~m.Keeps;
            if (missing != TensorSet.None) errors.Add($"level '{name}' must keep {missing.Describe()}");
            var forbidden = c.NeverKeep & m.Keeps;
            if (forbidden != TensorSet.None) errors.Add($"level '{name}' must not keep {forbidden.Describe()}");
            foreach (var d in Dims.All)
            {
                int f = m.TemporalOf(d);
                if (f > 1 && !c.MayLoop(d)) errors.Add($"level '{name}': dim {d} loops {f} times, but only {Describe(c.Loops!)} may loop there");
                if (c.Factors.TryGetValue(d, out var allowed) && !allowed.Any(a => a == f || (a == 0 && Outside(mapping, d, i, Position.Temporal) == 1)))
                    errors.Add($"level '{name}': temporal factor of {d} is {f}, allowed {string.Join(" or ", allowed.Select(a => a == 0 ? "the whole bound left" : a.ToString()))}");
            }
            if (c.Permutation is { } permutation && !OrderHolds(m, permutation))
                errors.Add($"level '{name}': loop order {string.Join("", m.Order.Where(d => m.TemporalOf(d) > 1))} breaks the permutation {string.Join("", permutation)} (its dims innermost, in this order)");
            foreach (bool y in new[] { false, true })
                if (c.Axis(y) is { } axis) errors.AddRange(AxisProblems(problem, arch, mapping, i, y, axis));
        }
        return errors;
    }

    private static IEnumerable<string> AxisProblems(ProblemShape problem, Accelerator arch, LoopMapping mapping, int level, bool y, AxisConstraints axis)
    {
        string where = $"level '{arch.Levels[level].Name}' {(y ? "Y" : "X")}";
        var factors = y ? mapping.Levels[level].SpatialY : mapping.Levels[level].SpatialX;
        var used = Dims.All.Where(d => factors[(int)d] > 1).ToList();
        foreach (var d in used.Where(d => !axis.Allows(d)))
            yield return $"{where}: unrolls {d}, allowed only {Describe(axis.Dims!)}";
        if (axis.MaxDims is int max && used.Count > max) yield return $"{where}: unrolls {used.Count} dims, at most {max} allowed";
        var position = y ? Position.SpatialY : Position.SpatialX;
        foreach (var (d, f) in axis.Factors)
        {
            bool ok = f == 0 ? Outside(mapping, d, level, position) == 1 : factors[(int)d] == f;
            if (!ok) yield return $"{where}: factor of {d} is {factors[(int)d]}, fixed to {(f == 0 ? "the whole bound left" : f)}";
        }
        int size = y ? arch.Levels[level].FanoutY : arch.Levels[level].FanoutX;
        bool reduces = arch.Levels[level].Fanout?.Network.Reduces(y) ?? false;
        foreach (var d in axis.WholeIfFits)
        {
            // Whole when the axis may unroll the dim at all, nothing outside this axis split it spatially, and its bound
            // fits the axis.
            if (!axis.Allows(d) || (!reduces && d is Dim.C or Dim.R or Dim.S) || problem[d] == 1) continue;
            long outerSpatial = y ? 1 : mapping.Levels[level].SpatialY[(int)d];
            for (int k = 0; k < level; k++) outerSpatial *= mapping.Levels[k].SpatialOf(d);
            if (outerSpatial == 1 && problem[d] <= size && factors[(int)d] != problem[d])
                yield return $"{where}: {d} ({problem[d]}) fits the axis but is unrolled {factors[(int)d]}, not whole";
        }
    }

    private enum Position { Temporal, SpatialY, SpatialX }

    // Product of a dim's factors outside a loop. A temporal loop takes the whole bound left when no level above loops over
    // the dim (Timeloop's residual factor; spatial unrolling is decided first). A spatial loop takes it when nothing outside
    // it splits the dim: every level above, the level's temporal loops outside its spatial ones, and Y outside X.
    private static long Outside(LoopMapping mapping, Dim d, int level, Position position)
    {
        long product = 1;
        for (int k = 0; k < level; k++)
        {
            var m = mapping.Levels[k];
            product *= m.TemporalOf(d) * (position == Position.Temporal ? 1L : m.SpatialOf(d));
        }
        var own = mapping.Levels[level];
        if (position != Position.Temporal) product *= own.TemporalOf(d);
        if (position == Position.SpatialX) product *= own.SpatialY[(int)d];
        return product;
    }

    // The permutation's dims that loop here are the innermost loops of the level, in the permutation's order.
    private static bool OrderHolds(LevelMapping m, IReadOnlyList<Dim> permutation)
    {
        var active = m.Order.Where(d => m.TemporalOf(d) > 1).ToList();
        var listed = permutation.Where(d => m.TemporalOf(d) > 1).ToList();
        return active.Skip(active.Count - listed.Count).SequenceEqual(listed);
    }

    private static string Describe(IReadOnlyList<Dim> dims) => dims.Count == 0 ? "none" : string.Join(", ", dims);
}
