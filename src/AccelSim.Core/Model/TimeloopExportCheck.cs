using System.Globalization;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;
using AccelSim.Workloads.Timeloop;

namespace AccelSim.Model;

/// <summary>
/// What a mapping may rely on and still be exported in Timeloop's format (docs/timeloop.md, Mappings in and out):
/// flattened axes (one loop over a product of dims) and imperfect factors (Timeloop's factors divide their bounds) are refused by name; so is a mapping whose counts under the
/// rules in force depend on diagonal multicast, which Timeloop does not do. That is decided exactly: the mapping is
/// evaluated with diagonal multicast on and off, and refused when any count differs. Under Timeloop's counting rules
/// diagonal multicast is already off, so the counts shown are the ones Timeloop will give, and the export is accepted.
/// </summary>
public static class TimeloopExportCheck
{
    /// <summary>Throws an <see cref="InputException"/> naming <paramref name="file"/> when the mapping has no faithful Timeloop form.</summary>
    public static void Check(string file, ProblemShape problem, Accelerator arch, LoopMapping mapping, CountingRules rules)
    {
        if (mapping.IsFlattened)
            throw new InputException($"{file}: flatten: {string.Join(", ", mapping.Flatten.Select(g => g.Name))}: flattened dims have no Timeloop form (each Timeloop loop iterates one dim)");
        foreach (var dim in Dims.All)
            if (ImperfectLoop(problem[dim], mapping, dim) is { } loop)
                throw new InputException($"{file}: dim {dim}{TimeloopName(dim)}: {loop.Kind} factor {loop.Factor} at level {arch.Levels[loop.Level].Name} " +
                    $"does not divide {FactorCoverage.MaxFactor(problem[dim], loop.Inner)}, what is left of its bound {problem[dim]}; imperfect factors have no Timeloop form");
        if (!rules.DiagonalMulticast) return;
        var with = AnalyticalModel.Evaluate(problem, arch, mapping, rules).Counts;
        var without = AnalyticalModel.Evaluate(problem, arch, mapping, rules with { DiagonalMulticast = false }).Counts;
        for (int i = 0; i < arch.Levels.Count; i++)
            foreach (var t in Tensors.All)
                if (with.Get(i, t) is var on && without.Get(i, t) is var off && on != off)
                    throw new InputException($"{file}: level {arch.Levels[i].Name}: the counts rely on diagonal multicast ({Tensors.Key(t)} reads {N(on.Reads)} with it, " +
                        $"{N(off.Reads)} without), which Timeloop does not do; pass --counting timeloop to export it with the counts Timeloop gives");
    }

    // The innermost loop of the dim whose factor does not divide what is left of the bound inside it, or null (perfect).
    private static FactorCoverage.Digit? ImperfectLoop(long bound, LoopMapping mapping, Dim dim)
    {
        foreach (var digit in FactorCoverage.InnermostFirst(mapping, dim))
            if (bound % digit.Inner != 0 || (bound / digit.Inner) % digit.Factor != 0) return digit;
        return null;
    }

    private static string TimeloopName(Dim dim) => TimeloopDims.ToTimeloop(dim) is { } name ? $" (Timeloop {name})" : "";

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
