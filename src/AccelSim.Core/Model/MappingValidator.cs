using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Model;

/// <summary>
/// Checks a mapping against a layer and an accelerator (SPEC §3): factors cover each bound (imperfect factors allowed, none
/// with an iteration that never does work: <see cref="FactorCoverage"/>), spatial factors fit each fan-out, kept tensors are
/// allowed at their level, reduction dims are only unrolled along an axis whose network can reduce, every kept tile (inputs
/// with halo) fits its level, and the architecture's (and a dataflow's) constraints hold (<see cref="ConstraintChecker"/>:
/// must-keeps, never-keeps, factors, orders, spatial dims).
/// </summary>
public static class MappingValidator
{
    /// <summary>All problems found, the architecture's own constraints included; empty when the mapping is valid.</summary>
    public static IReadOnlyList<string> Check(ProblemShape problem, Accelerator arch, LoopMapping mapping) =>
        Check(problem, arch, mapping, Dataflow.Unconstrained);

    /// <summary>All problems found, the constraints of <paramref name="dataflow"/> and of the architecture included.</summary>
    public static IReadOnlyList<string> Check(ProblemShape problem, Accelerator arch, LoopMapping mapping, Dataflow dataflow)
    {
        var errors = (List<string>)CheckShape(problem, arch, mapping);
        if (mapping.Levels.Count == arch.Levels.Count) errors.AddRange(ConstraintChecker.Check(problem, arch, ConstraintResolver.Resolve(arch, dataflow), mapping));
        return errors;
    }

    private static IReadOnlyList<string> CheckShape(ProblemShape problem, Accelerator arch, LoopMapping mapping)
    {
        var errors = new List<string>();
        if (mapping.Levels.Count != arch.Levels.Count)
        {
            errors.Add($"the mapping has {mapping.Levels.Count} levels but '{arch.Name}' has {arch.Levels.Count}");
            return errors;
        }
        if (mapping.IsFlattened)
        {
            // Flattened axes (docs/model.md): a group's factors sit on its first dim, which covers the joint bound.
            errors.AddRange(FlattenRules.Problems(mapping, arch));
            if (errors.Count > 0) return errors;
        }
        foreach (var d in Dims.All)
        {
            long product = mapping.Product(d), bound = mapping.BoundOf(problem, d);
            string name = mapping.GroupOf(d) is { } g && g.First == d ? g.Name : d.ToString();
            if (product < bound) errors.Add($"dim {name}: factors multiply to {product}, the bound is {bound} (they must cover it)");
            // Imperfect factors (docs/model.md): every loop's last iteration must reach into the bound.
            foreach (var digit in FactorCoverage.InnermostFirst(mapping, d))
                if (digit.Factor > FactorCoverage.MaxFactor(bound, digit.Inner))
                    errors.Add($"dim {name}: the {digit.Kind} factor {digit.Factor} at level '{arch.Levels[Math.Min(digit.Level, arch.Levels.Count - 1)].Name}' has iterations that never do work "
                        + $"(({digit.Factor} - 1) x {digit.Inner} >= bound {bound}; at most {FactorCoverage.MaxFactor(bound, digit.Inner)})");
        }
        for (int i = 0; i < arch.Levels.Count; i++)
        {
            var level = arch.Levels[i];
            var m = mapping.Levels[i];
            foreach (var d in Dims.All)
                if (m.TemporalOf(d) < 1 || m.SpatialX[(int)d] < 1 || m.SpatialY[(int)d] < 1)
                    errors.Add($"level '{level.Name}' dim {d}: factors must be positive");
            if (m.UsedX > level.FanoutX) errors.Add($"level '{level.Name}': spatial X factors ({Unrolled(m.SpatialX)}) use {m.UsedX} children, the fan-out has {level.FanoutX}");
            if (m.UsedY > level.FanoutY) errors.Add($"level '{level.Name}': spatial Y factors ({Unrolled(m.SpatialY)}) use {m.UsedY} children, the fan-out has {level.FanoutY}");
            var notAllowed = m.Keeps & ~level.Storage.Keeps;
            if (notAllowed != TensorSet.None) errors.Add($"level '{level.Name}' cannot hold {notAllowed.Describe()}");
            if (i == 0 && m.Keeps != TensorSet.All) errors.Add($"level '{level.Name}' is the outermost level and must keep every tensor");
            foreach (var y in new[] { false, true })
                foreach (var d in new[] { Dim.C, Dim.R, Dim.S })
                    if ((y ? m.SpatialY : m.SpatialX)[(int)d] > 1 && !(level.Fanout?.Network.Reduces(y) ?? false))
                        errors.Add($"level '{level.Name}': dim {d} is unrolled across {(y ? "Y" : "X")} but the network cannot reduce partial sums along {(y ? "Y" : "X")}");
        }
        if (errors.Count > 0) return errors;

        var counter = new AccessCounter(problem, arch);
        counter.Load(mapping);
        counter.Prepare();
        for (int i = 0; i < arch.Levels.Count; i++)
            errors.AddRange(CapacityProblems(counter, arch.Levels[i].Storage, i, mapping.Levels[i].Keeps));
        return errors;
    }

    /// <summary>Throws <see cref="MappingException"/> listing every problem when the mapping is invalid.</summary>
    public static void Validate(ProblemShape problem, Accelerator arch, LoopMapping mapping)
    {
        var errors = Check(problem, arch, mapping);
        if (errors.Count > 0) throw new MappingException("invalid mapping: " + string.Join("; ", errors));
    }

    // "P 15, M 2": the dims an axis unrolls, so an overflowing axis names them.
    private static string Unrolled(IReadOnlyList<int> factors) =>
        string.Join(", ", Dims.All.Where(d => factors[(int)d] > 1).Select(d => $"{d} {factors[(int)d]}"));

    internal static IEnumerable<string> CapacityProblems(AccessCounter counter, StorageLevel level, int index, TensorSet keeps)
    {
        if (level.Unbounded) yield break;
        if (level.PartitionWords is not null)
        {
            foreach (var t in keeps.Members())
            {
                long need = counter.TileSize(index, t), have = level.PartitionFor(t) ?? 0;
                if (need > have)
                    yield return $"level '{level.Name}' overflows: the {Tensors.Key(t)} tile needs {need} words, its partition holds {have} (over by {need - have})";
            }
            yield break;
        }
        long total = keeps.Members().Sum(t => counter.TileSize(index, t));
        long capacity = level.CapacityWords ?? long.MaxValue;
        if (total > capacity)
            yield return $"level '{level.Name}' overflows: its tiles need {total} words, it holds {capacity} (over by {total - capacity})";
    }
}
