using System.Runtime.ExceptionServices;

namespace AccelSim.Common;

/// <summary>
/// Parallel loops wrap a worker's exception in an <see cref="AggregateException"/>; the caller must see the worker's own
/// exception (a bad input, an overflow of a count) so that it becomes one error line, not a trace.
/// </summary>
public static class ParallelErrors
{
    /// <summary>Rethrows the first input error among the workers' exceptions, else the first exception, with its own trace.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Rethrow(AggregateException e)
    {
        var inner = e.Flatten().InnerExceptions;
        var first = inner.FirstOrDefault(x => x is InputException) ?? inner.FirstOrDefault() ?? e;
        ExceptionDispatchInfo.Capture(first).Throw();
    }
}
