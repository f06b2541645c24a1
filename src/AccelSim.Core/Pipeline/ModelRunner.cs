using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Workloads;

namespace AccelSim.Pipeline;

/// <summary>
/// Evaluates every layer of a model on an accelerator: MAC layers through the mapper (identical shapes searched once) and
/// the cycle-level simulator (energy from the counts, cycles with stalls from the simulation), layers without MACs on the
/// vector unit. Stages: map → simulate → collect, in topological order.
/// </summary>
public static class ModelRunner
{
    /// <summary>Runs the model; <paramref name="progress"/> is told each finished layer (index, count, name).</summary>
    public static ModelRunResult Run(ModelGraph model, Accelerator arch, ModelRunOptions options, Action<int, int, string>? progress = null)
    {
        if (options.Batch < 1) throw new MappingException($"batch must be positive, got {options.Batch}");
        var dataflow = options.Dataflow ?? Dataflows.Get(arch.Dataflows.FirstOrDefault() ?? "rs");
        if (options.Densities is { } densities) CheckDensityLayers(model, densities);
        var layers = model.Layers.Where(l => l.Kind != LayerKind.Input).ToList();
        // Identical layer shapes (ResNet's repeated blocks) are searched and simulated once, several shapes at once.
        using var searches = new LayerSearches(SearchedShapes(layers, options), arch, dataflow, options.Mapper);
        var results = new List<LayerResult>(layers.Count);
        for (int i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var fusedInto = ActivationFusion.Producer(model, layer);
            bool readsModelInput = layer.Layer.Inputs.Any(name => model.Layers.Any(l => l.Name == name && l.Kind == LayerKind.Input));
            var result = CountRange.Checked($"layer '{layer.Name}' at batch {options.Batch}", () => layer.HasMacs ? MacLayer(layer, arch, options, searches, readsModelInput)
                : fusedInto is not null ? FusedLayer(layer, arch, options.Batch, fusedInto)
                : VectorLayer(layer, arch, options.Batch));
            // Background power is paid for the time a layer takes (its simulated cycles), not per access.
            results.Add(result with { BackgroundEnergy = arch.BackgroundEnergyPerCycle * result.Cycles });
            progress?.Invoke(i + 1, layers.Count, layer.Name);
        }
        return new ModelRunResult(model, arch, options.Fixed?.Name ?? dataflow.Name, options.Batch, results) { Counting = options.Mapper.Counting.Describe() };
    }

    // The distinct shapes the mapper will search, in layer order: none when mappings are replayed or fixed. A shape whose
    // batch overflows is left out; its layer reports the overflow when the runner reaches it.
    private static List<ProblemShape> SearchedShapes(List<LayerNode> layers, ModelRunOptions options)
    {
        var shapes = new List<ProblemShape>();
        if (options.Replay is not null || options.Fixed is not null) return shapes;
        foreach (var layer in layers.Where(l => l.HasMacs))
        {
            try { shapes.Add(layer.Problem!.WithBatchMultiplier(options.Batch)); }
            catch (OverflowException) { }
        }
        return shapes.Distinct().ToList();
    }

    private static LayerResult MacLayer(LayerNode layer, Accelerator arch, ModelRunOptions options, LayerSearches searches, bool readsModelInput)
    {
        var problem = layer.Problem!.WithBatchMultiplier(options.Batch);
        // Replayed mappings are per layer, not per shape: a hand-edited file may map two equal shapes differently.
        if (options.Replay is { } replay) return Given(layer, problem, arch, replay.For(layer.Name, problem), "replayed", $"{replay.Source}: layer '{layer.Name}'", options, readsModelInput);
        if (options.Fixed is { } given) return Given(layer, problem, arch, given.Write(problem), given.Name, $"{given.Name}: layer '{layer.Name}'", options, readsModelInput);
        LayerSearches.Outcome done;
        try { done = searches.For(problem); }
        catch (MappingException e) { throw new MappingException($"layer '{layer.Name}': {e.Message}"); }
        var found = done.Found;
        return WithDensities(Result(layer, problem, arch, new Mapped(found.Evaluation, found.Mapping, found.Dataflow), done.Simulated), found.Evaluation, arch, options, readsModelInput);
    }

    // A layer evaluated and simulated with a mapping it was given rather than searched; errors name where it came from.
    private static LayerResult Given(LayerNode layer, ProblemShape problem, Accelerator arch, LoopMapping mapping, string source, string where, ModelRunOptions options, bool readsModelInput)
    {
        Evaluation evaluated;
        try { evaluated = AnalyticalModel.Evaluate(problem, arch, mapping, options.Mapper.Counting); }
        catch (MappingException e) { throw new InputException($"{where}: {e.Message}"); }
        return WithDensities(Result(layer, problem, arch, new Mapped(evaluated, mapping, source), CycleSimulator.Run(problem, arch, mapping)), evaluated, arch, options, readsModelInput);
    }

    // Zeros change energy and traffic, not the mapping or the cycles: a post-pass over the dense counts.
    private static LayerResult WithDensities(LayerResult dense, Evaluation eval, Accelerator arch, ModelRunOptions options, bool readsModelInput) =>
        options.Densities is { } densities ? SparsityPass.Apply(dense, eval, arch, densities.For(dense.Layer), readsModelInput) : dense;

    private static void CheckDensityLayers(ModelGraph model, Sparsity.LayerDensities densities)
    {
        foreach (string name in densities.Layers)
            if (!model.Layers.Any(l => l.Name == name && l.HasMacs))
                throw new InputException($"{densities.Source}: layers.{name}: model '{model.Name}' has no MAC layer of that name");
    }

    // A layer's mapping, however it was obtained, with its evaluation and the dataflow it came from.
    private sealed record Mapped(Evaluation Evaluation, LoopMapping Mapping, string Dataflow);

    private static LayerResult Result(LayerNode layer, ProblemShape problem, Accelerator arch, Mapped search, SimulationResult simulated)
    {
        var eval = search.Evaluation;
        int levels = arch.Levels.Count;
        long stallCycles = simulated.TotalCycles - simulated.ComputeCycles - simulated.PipelineCycles;
        return new LayerResult
        {
            Layer = layer.Name,
            Kind = layer.Kind,
            Problem = problem,
            Macs = problem.Macs,
            Weights = layer.Weights,
            Cycles = simulated.TotalCycles,
            ComputeCycles = simulated.ComputeCycles,
            FillDrainCycles = simulated.PipelineCycles,
            StallSources = StallSources.Of(simulated.Stalls, stallCycles),
            LevelWords = Enumerable.Range(0, arch.Levels.Count).Select(i => eval.Counts.LevelReads(i) + eval.Counts.LevelWrites(i)).ToArray(),
            Utilization = (double)problem.Macs / ((double)simulated.TotalCycles * arch.MacUnits),
            SpatialUtilization = eval.SpatialUtilization,
            LevelEnergy = Enumerable.Range(0, levels).Select(eval.LevelEnergy).ToArray(),
            NetworkEnergy = eval.TotalNetworkEnergy,
            MacEnergy = eval.MacEnergy,
            TensorEnergy = Tensors.All.Select(eval.TensorEnergy).ToArray(),
            DramWords = eval.DramWords,
            WordBits = arch.Levels[0].Storage.WordBits,
            Mapping = search.Mapping,
            Dataflow = search.Dataflow,
        };
    }

    // An element-wise activation applied to a MAC layer's outputs on their way out: vector ops only, no memory traffic,
    // and no cycles of its own (the vector unit keeps pace with the output drain).
    private static LayerResult FusedLayer(LayerNode layer, Accelerator arch, int batch, string producer)
    {
        long ops = layer.VectorOps * batch;
        return new LayerResult
        {
            Layer = layer.Name,
            Kind = layer.Kind,
            LevelEnergy = new double[arch.Levels.Count],
            VectorEnergy = ops * (arch.Vector?.EnergyPerOp ?? arch.Mac.EnergyPerMac),
            TensorEnergy = [0, 0, 0],
            WordBits = arch.Levels[0].Storage.WordBits,
            FusedInto = producer,
        };
    }

    private static LayerResult VectorLayer(LayerNode layer, Accelerator arch, int batch)
    {
        var cost = VectorSimulator.Run(layer, arch, batch);
        var levelEnergy = new double[arch.Levels.Count];
        levelEnergy[0] = cost.DramEnergy;
        if (levelEnergy.Length > 1) levelEnergy[1] = cost.BufferEnergy;
        var dram = arch.Levels[0].Storage;
        return new LayerResult
        {
            Layer = layer.Name,
            Kind = layer.Kind,
            Weights = layer.Weights,
            Cycles = cost.Cycles,
            ComputeCycles = cost.VectorCycles,
            LevelEnergy = levelEnergy,
            VectorEnergy = cost.VectorEnergy,
            // What a vector layer reads are its producers' outputs and what it writes its own: both are activations, so
            // its storage energy is split into the inputs and outputs columns by traffic.
            TensorEnergy = [0, (cost.DramEnergy + cost.BufferEnergy) * cost.DramReads / Math.Max(1, cost.DramReads + cost.DramWrites),
                (cost.DramEnergy + cost.BufferEnergy) * cost.DramWrites / Math.Max(1, cost.DramReads + cost.DramWrites)],
            DramWords = cost.DramReads + cost.DramWrites,
            LevelWords = [cost.DramReads + cost.DramWrites, .. new long[arch.Levels.Count - 1]],
            WordBits = dram.WordBits,
        };
    }
}
