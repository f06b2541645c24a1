using AccelSim.Architecture.Constraints;

namespace AccelSim.Mapping;

/// <summary>
/// A dataflow as a named set of constraints on mappings (SPEC §3), kept as data (dataflows/*.yaml), not a code path.
/// The constraints bind to roles, not level names, so one dataflow applies to any architecture
/// (<see cref="ConstraintResolver"/> turns them into per-level constraints).
/// </summary>
public sealed record Dataflow(string Name, string Description, IReadOnlyDictionary<DataflowRole, LevelConstraints> Roles)
{
    /// <summary>Other names the dataflow answers to (ws for weight-stationary).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>No dataflow: only the architecture's own constraints apply (the validator's view of a mapping).</summary>
    public static readonly Dataflow Unconstrained = new("unconstrained", "no dataflow constraints", new Dictionary<DataflowRole, LevelConstraints>());

    /// <summary>The constraints of one role (none when the dataflow does not constrain it).</summary>
    public LevelConstraints For(DataflowRole role) => Roles.TryGetValue(role, out var c) ? c : LevelConstraints.None;
}

/// <summary>The roles a dataflow's constraints bind to (docs/arch-format.md, Roles).</summary>
public enum DataflowRole
{
    /// <summary><c>backing</c>: level 0 (DRAM).</summary>
    Backing,
    /// <summary><c>buffer</c>: every on-chip level above the PE array.</summary>
    Buffer,
    /// <summary><c>pe</c>: every storage level inside a PE.</summary>
    Pe,
    /// <summary><c>pe-weights</c>: a PE level that can hold only weights (a filter scratchpad).</summary>
    PeWeights,
    /// <summary><c>pe-inputs</c>: a PE level that can hold only inputs.</summary>
    PeInputs,
    /// <summary><c>pe-outputs</c>: a PE level that can hold only outputs.</summary>
    PeOutputs,
    /// <summary><c>array</c>: the spatial unrolling of the PE-array fan-out (and of fan-outs above it).</summary>
    Array,
    /// <summary><c>lanes</c>: the spatial unrolling of fan-outs inside a PE (MAC lanes); the array's when not given.</summary>
    Lanes,
}
