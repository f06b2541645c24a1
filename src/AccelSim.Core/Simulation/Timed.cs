using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// A point in simulated time (in ticks, see <see cref="LinkPorts"/>) together with the level and tensor whose transfer
/// produced it, so that whatever waits for it knows whom to blame. Level −1: nobody (time zero or pure compute).
/// </summary>
internal readonly record struct Timed(long Ticks, int Level, TensorKind Tensor)
{
    /// <summary>Time zero, caused by nothing.</summary>
    public static readonly Timed Zero = new(0, -1, TensorKind.Weights);

    /// <summary>The later of two times (the first one on a tie, so an earlier cause keeps the blame).</summary>
    public static Timed Max(Timed a, Timed b) => b.Ticks > a.Ticks ? b : a;
}
