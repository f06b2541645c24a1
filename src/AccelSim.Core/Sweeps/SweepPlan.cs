using AccelSim.Architecture;
using AccelSim.Pipeline;
using AccelSim.Workloads;

namespace AccelSim.Sweeps;

/// <summary>What a sweep evaluates: models, a base architecture, the swept axes and the run options.</summary>
public sealed record SweepPlan(IReadOnlyList<ModelGraph> Models, Accelerator Arch, IReadOnlyList<SweepAxis> Axes, ModelRunOptions Options)
{
    /// <summary>Every point in point order: combinations in cartesian order (first axis outermost), models innermost.</summary>
    public IReadOnlyList<SweepPoint> Points()
    {
        var combos = new List<SweepValue[]> { Array.Empty<SweepValue>() };
        foreach (var axis in Axes)
            combos = combos.SelectMany(c => axis.Values.Select(v => c.Append(v).ToArray())).ToList();
        var points = new List<SweepPoint>(combos.Count * Models.Count);
        foreach (var combo in combos)
            foreach (var model in Models)
                points.Add(new SweepPoint(points.Count, combo, model.Name));
        return points;
    }

    /// <summary>The architecture of a point: every swept value applied to the base, in axis order.</summary>
    public Accelerator ArchFor(SweepPoint point) => point.Values.Aggregate(Arch, (a, v) => v.Apply(a));

    /// <summary>The model of a point.</summary>
    public ModelGraph ModelFor(SweepPoint point) => Models.First(m => m.Name == point.Model);
}
