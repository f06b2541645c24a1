using AccelSim.Architecture;
using AccelSim.Architecture.Timeloop;
using AccelSim.Common;
using AccelSim.Workloads;
using AccelSim.Workloads.Timeloop;

namespace AccelSim.Mapping.Timeloop;

/// <summary>
/// Checks a mapping against a Timeloop specification's constraints (read by <see cref="TimeloopConstraints"/>): fixed
/// factors, temporal permutations of the loops that run, keep and bypass. Lives with the mappings so that the architecture
/// readers need not know what a mapping is.
/// </summary>
public static class TimeloopConstraintCheck
{
    /// <summary>Checks a mapping against the fixed factors and keeps; throws naming the constraint that fails.</summary>
    public static void Check(TimeloopConstraints constraints, Accelerator arch, LoopMapping mapping)
    {
        foreach (var e in constraints.Entries)
        {
            int i = arch.IndexOf(e.Target);
            if (i < 0 || i >= mapping.Levels.Count) continue;
            var level = mapping.Levels[i];
            foreach (var (dim, factor) in e.Factors)
            {
                int actual = e.Type == "spatial" ? level.SpatialOf(dim) : e.Type == "temporal" ? level.TemporalOf(dim) : factor;
                if (actual != factor)
                    throw new InputException($"{constraints.File}: {e.At}.factors: {TimeloopDims.ToTimeloop(dim)}={factor} at {e.Target}, the mapping has {actual}");
            }
            if (e.Type == "temporal" && e.Permutation.Count > 0)
            {
                // Loops that run, innermost first, in the mapping and in the constraint's order.
                var running = level.Order.Reverse().Where(d => level.TemporalOf(d) > 1 && e.Permutation.Contains(d)).ToList();
                var wanted = e.Permutation.Where(d => level.TemporalOf(d) > 1).ToList();
                if (!running.SequenceEqual(wanted))
                    throw new InputException($"{constraints.File}: {e.At}.permutation: {e.Target}'s loops {Names(running)} (innermost first) do not nest as {Names(wanted)}");
            }
            var missing = e.Keep & ~level.Keeps;
            if (missing != TensorSet.None) throw new InputException($"{constraints.File}: {e.At}.keep: {e.Target} must keep {missing.Describe()}, the mapping bypasses it");
            var held = e.Bypass & level.Keeps;
            if (held != TensorSet.None) throw new InputException($"{constraints.File}: {e.At}.bypass: {e.Target} must bypass {held.Describe()}, the mapping keeps it");
        }
    }

    private static string Names(IEnumerable<Dim> dims) => string.Concat(dims.Select(TimeloopDims.ToTimeloop));

    /// <summary>Reads the constraints of the specification at <paramref name="path"/> and checks the mapping against them.</summary>
    public static void CheckFile(string path, Accelerator arch, LoopMapping mapping) =>
        Check(TimeloopConstraints.Read(TimeloopYaml.Read(path, "architecture", "the flattened specification"), path), arch, mapping);
}
