using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>
/// Walks work items in parallel, one <see cref="Walker"/> per thread: the one loop behind the bound-order walk, the seed, the
/// latency-sim window walk, random sampling and the tie re-walk. Each result lands at its own index, so what the caller
/// reads does not depend on the number of threads or their timing.
/// </summary>
internal static class ItemWalk
{
    /// <summary>Fills <paramref name="results"/>[k] with <paramref name="walk"/>(walker, k) for every k.</summary>
    public static void Run<T>(T[] results, ParallelOptions parallel, Func<Walker> newWalker, Func<Walker, int, T> walk) =>
        Parallel.For(0, results.Length, parallel, newWalker, (k, _, walker) =>
        {
            results[k] = walk(walker, k);
            return walker;
        }, _ => { });
}
