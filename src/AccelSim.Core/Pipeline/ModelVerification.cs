using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Workloads;

namespace AccelSim.Pipeline;

/// <summary>One MAC layer cross-checked: the simulator's counts against the analytical model's, and its cycles against the
/// analytical compute-bound and every level's bandwidth-bound cycles.</summary>
public sealed record LayerVerification(string Layer, ProblemShape Problem, bool CountsEqual, string Difference, long SimulatedCycles,
    long ComputeBound, long BandwidthBound, string BandwidthLevel)
{
    /// <summary>Simulated cycles are at least both bounds.</summary>
    public bool CyclesAboveBounds => SimulatedCycles >= ComputeBound && SimulatedCycles >= BandwidthBound;

    /// <summary>Everything agrees.</summary>
    public bool Agrees => CountsEqual && CyclesAboveBounds;
}

/// <summary>Runs the two independent engines (analytical model and cycle-level simulator) on every MAC layer of a model.</summary>
public static class ModelVerification
{
    /// <summary>Verifies every MAC layer with the mapper's mapping (identical shapes once).</summary>
    public static IReadOnlyList<LayerVerification> Run(ModelGraph model, Accelerator arch, Dataflow dataflow, MapperOptions? options = null,
        Action<int, int, string>? progress = null)
    {
        var layers = model.MacLayers.ToList();
        var cache = new Dictionary<ProblemShape, LayerVerification>();
        var results = new List<LayerVerification>();
        for (int i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            if (!cache.TryGetValue(layer.Problem!, out var check))
            {
                var search = Mapper.Search(layer.Problem!, arch, dataflow, options);
                check = Verify(layer.Name, layer.Problem!, arch, search.Mapping);
                cache[layer.Problem!] = check;
            }
            results.Add(check with { Layer = layer.Name });
            progress?.Invoke(i + 1, layers.Count, layer.Name);
        }
        return results;
    }

    /// <summary>Verifies one mapping.</summary>
    public static LayerVerification Verify(string name, ProblemShape problem, Accelerator arch, LoopMapping mapping)
    {
        var eval = AnalyticalModel.Evaluate(problem, arch, mapping);
        var sim = CycleSimulator.Run(problem, arch, mapping);
        bool equal = sim.Counts.SameAs(eval.Counts, out var difference);
        int worst = Array.IndexOf(eval.BandwidthCycles, eval.BandwidthCycles.Max());
        return new LayerVerification(name, problem, equal, difference, sim.TotalCycles, eval.ComputeCycles + eval.PipelineCycles, eval.BandwidthCycles[worst], arch.Levels[worst].Name);
    }
}
