using System.Collections.Concurrent;
using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Workloads;

namespace AccelSim.Pipeline;

/// <summary>
/// Searches and simulates the distinct MAC-layer shapes of a model, several at once, while <see cref="ModelRunner"/> takes
/// the results in layer order. One search alone keeps the cores only partly busy (each of its phases, bounding the
/// unrollings, the seed, bounding the items and the walk, ends waiting for its slowest task, and an item waits for the
/// bests of the items a few places back); a second shape's search fills the gaps. Each search is deterministic on its own,
/// so the results do not depend on how many run at once. A failed search is kept and rethrown where the runner asks for its shape, so errors name the same
/// layer as a one-at-a-time run.
/// </summary>
internal sealed class LayerSearches : IDisposable
{
    /// <summary>A searched and simulated shape: the mapping with its evaluation, and the simulation of that mapping.</summary>
    public sealed record Outcome(MapperResult Found, SimulationResult Simulated);

    private readonly Dictionary<ProblemShape, TaskCompletionSource<Outcome>> _pending = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ProblemShape, Outcome> _search;
    private readonly bool _background;

    /// <summary>Starts searching <paramref name="shapes"/> (distinct, in the order the runner will ask for them).</summary>
    public LayerSearches(IReadOnlyList<ProblemShape> shapes, Accelerator arch, Dataflow dataflow, MapperOptions options)
    {
        _search = shape =>
        {
            var found = Mapper.Search(shape, arch, dataflow, options);
            return new Outcome(found, CycleSimulator.Run(shape, arch, found.Mapping));
        };
        foreach (var shape in shapes) _pending[shape] = new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        int degree = Math.Min(options.Threads ?? Environment.ProcessorCount, shapes.Count);
        _background = degree > 1;
        if (!_background) return; // one at a time: each shape is searched when asked for, on the runner's thread
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = _stop.Token };
        // In order, no chunking: the shapes the runner needs first are searched first, so it never waits on a later one.
        var ordered = Partitioner.Create(shapes, EnumerablePartitionerOptions.NoBuffering);
        Task.Run(() =>
        {
            try { Parallel.ForEach(ordered, parallel, shape => Complete(_pending[shape], shape)); }
            catch (OperationCanceledException) { } // the runner stopped early (an error in an earlier layer)
        });
    }

    /// <summary>The outcome of <paramref name="shape"/>: waits for its search, or rethrows what the search threw.</summary>
    public Outcome For(ProblemShape shape)
    {
        if (!_pending.TryGetValue(shape, out var pending)) throw new InvalidOperationException($"shape {shape} was not announced");
        if (!_background && !pending.Task.IsCompleted) Complete(pending, shape);
        return pending.Task.GetAwaiter().GetResult(); // the search's own exception, not an AggregateException
    }

    // Runs one shape's search and records its outcome or its error.
    private void Complete(TaskCompletionSource<Outcome> pending, ProblemShape shape)
    {
        try { pending.SetResult(_search(shape)); }
        catch (Exception e) { pending.SetException(e); }
    }

    /// <summary>Starts no further searches (one under way finishes in the background and is dropped).</summary>
    public void Dispose() => _stop.Cancel();
}
