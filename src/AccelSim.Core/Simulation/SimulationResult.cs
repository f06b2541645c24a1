using System.Globalization;
using System.Text;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// What the cycle-level simulator measured: the access counts it derived from its own tile walk (equal to the
/// analytical model's by test), total cycles, the ideal compute cycles, systolic pipeline fill/drain, stalls by level
/// and tensor, per-level port timelines and an optional transfer trace.
/// Total = compute + pipeline + stalls (up to rounding of the last fractional cycle).
/// </summary>
public sealed class SimulationResult
{
    internal SimulationResult(AccessCounts counts, long totalCycles, long computeCycles, long pipelineCycles,
        IReadOnlyList<StallRecord> stalls, IReadOnlyList<LevelTimeline> levels, IReadOnlyList<TransferRecord> trace, bool traceTruncated)
    {
        Counts = counts;
        TotalCycles = totalCycles;
        ComputeCycles = computeCycles;
        PipelineCycles = pipelineCycles;
        Stalls = stalls;
        Levels = levels;
        Trace = trace;
        TraceTruncated = traceTruncated;
    }

    /// <summary>Every access the walk made, per level and tensor, and the network words.</summary>
    public AccessCounts Counts { get; }

    /// <summary>Cycles from the first fill to the last output word reaching DRAM.</summary>
    public long TotalCycles { get; }

    /// <summary>Cycles the MAC array computed: the temporal iterations of the nest.</summary>
    public long ComputeCycles { get; }

    /// <summary>Systolic fill and drain skew summed over all folds (0 without a systolic fan-out).</summary>
    public long PipelineCycles { get; }

    /// <summary>Stall cycles per (level, tensor) that caused them, largest first.</summary>
    public IReadOnlyList<StallRecord> Stalls { get; }

    /// <summary>All stall cycles.</summary>
    public double StallCycles => Stalls.Sum(s => s.Cycles);

    /// <summary>Port activity of every level, outermost first.</summary>
    public IReadOnlyList<LevelTimeline> Levels { get; }

    /// <summary>Recorded transfers (empty unless <see cref="SimulationOptions.Trace"/>).</summary>
    public IReadOnlyList<TransferRecord> Trace { get; }

    /// <summary>True when the run had more transfers than the trace kept.</summary>
    public bool TraceTruncated { get; }

    /// <summary>Compute blocks the simulator walked one by one; the others were repeats added in closed form.</summary>
    internal long WalkedBlocks { get; init; }

    /// <summary>Stall cycles charged to one level (all tensors).</summary>
    public double StallsAt(int level) => Stalls.Where(s => s.LevelIndex == level).Sum(s => s.Cycles);

    /// <summary>Stall cycles charged to one level and tensor.</summary>
    public double StallsAt(int level, TensorKind tensor) => Stalls.Where(s => s.LevelIndex == level && s.Tensor == tensor).Sum(s => s.Cycles);

    /// <summary>The trace as CSV: level,tensor,kind,words,start,end.</summary>
    public string TraceCsv()
    {
        var text = new StringBuilder("level,tensor,kind,words,start,end\n");
        foreach (var r in Trace)
            text.Append(CultureInfo.InvariantCulture, $"{r.Level},{Tensors.Key(r.Tensor)},{r.Kind.ToString().ToLowerInvariant()},{r.Words},{r.Start:0.###},{r.End:0.###}\n");
        return text.ToString();
    }
}
