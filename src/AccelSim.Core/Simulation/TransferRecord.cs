using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>What a transfer does to the level it names.</summary>
public enum TransferKind
{
    /// <summary>Operand words arriving from the parent (only those the resident tile lacks).</summary>
    Fill,
    /// <summary>Partial sums of an output tile seen before, brought back from the parent.</summary>
    Reload,
    /// <summary>An output tile leaving at the end of its residency, added into the parent.</summary>
    WriteBack,
}

/// <summary>
/// One transfer of the trace: the level filled or drained, the tensor, the kind, the words one instance of that level
/// moved, and when it started and ended (cycles, fractional because links move several words per cycle).
/// </summary>
public sealed record TransferRecord(string Level, TensorKind Tensor, TransferKind Kind, long Words, double Start, double End);
