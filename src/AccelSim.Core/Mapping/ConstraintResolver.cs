using AccelSim.Architecture;
using AccelSim.Architecture.Constraints;
using AccelSim.Common;
using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// A dataflow's role-bound constraints and an architecture's own per-level constraints, resolved to one block per level
/// that must all hold, with what every level keeps by default, must keep and may bypass.
/// </summary>
public sealed class ResolvedConstraints
{
    internal ResolvedConstraints(LevelRoles roles, LevelConstraints[] levels, TensorSet[] kept, TensorSet[] must, TensorSet[] optional)
    {
        Roles = roles; Levels = levels; Kept = kept; Must = must; Optional = optional;
    }

    /// <summary>The roles of the architecture's levels.</summary>
    public LevelRoles Roles { get; }

    /// <summary>The constraints every mapping must satisfy, per level.</summary>
    public IReadOnlyList<LevelConstraints> Levels { get; }

    /// <summary>What each level keeps unless a bypass search drops an optional tensor.</summary>
    public IReadOnlyList<TensorSet> Kept { get; }

    /// <summary>What each level must keep.</summary>
    public IReadOnlyList<TensorSet> Must { get; }

    /// <summary>What each level may keep or bypass (<c>--search-bypass</c> varies these).</summary>
    public IReadOnlyList<TensorSet> Optional { get; }
}

/// <summary>
/// Binds a dataflow to an architecture (docs/arch-format.md, Roles): the <c>backing</c>, <c>buffer</c> and <c>pe</c> blocks
/// go to every level of that role (a <c>pe-weights</c>/<c>pe-inputs</c>/<c>pe-outputs</c> block also to a PE level that
/// can hold only that tensor), <c>array</c> to the spatial unrolling of every fan-out above the PE levels and <c>lanes</c>
/// (else <c>array</c>) to those inside a PE. A role's keep list binds to the levels that can hold the tensor. The
/// architecture's own constraints must hold as well; when both cannot, the error names the level.
/// </summary>
public static class ConstraintResolver
{
    /// <summary>Resolves <paramref name="dataflow"/> on <paramref name="arch"/>; throws <see cref="InputException"/> on a conflict.</summary>
    public static ResolvedConstraints Resolve(Accelerator arch, Dataflow dataflow)
    {
        var roles = LevelRoles.Of(arch);
        int n = arch.Levels.Count;
        var levels = new LevelConstraints[n];
        var kept = new TensorSet[n];
        var must = new TensorSet[n];
        var optional = new TensorSet[n];
        for (int i = 0; i < n; i++)
        {
            var level = arch.Levels[i];
            var storage = level.Storage;
            var holdable = i == 0 ? TensorSet.All : storage.Keeps;
            Exception Conflict(string message) =>
                new InputException($"dataflow '{dataflow.Name}' on '{arch.Name}': level '{level.Name}': {message}");

            var block = RoleBlock(dataflow, roles[i], storage);
            block = block with { Keep = block.Keep & holdable, MayKeep = block.MayKeep & holdable };
            if (level.Fanout is { Size: > 1 })
            {
                var spatial = roles.IsLanes(i) && dataflow.Roles.ContainsKey(DataflowRole.Lanes) ? dataflow.For(DataflowRole.Lanes) : dataflow.For(DataflowRole.Array);
                block = block with { X = spatial.X, Y = spatial.Y };
            }
            var resolved = block.And(level.Constraints, Conflict);
            // Outside the PEs the architecture's keeps are must-keeps (a TPU's Unified Buffer cannot be skipped); inside,
            // they are what the level can hold and the dataflow chooses, unless the level's own constraints insist.
            var archMust = roles[i] == LevelRole.Pe ? level.Constraints.Keep : (storage.Keeps & ~storage.OptionalKeeps) | level.Constraints.Keep;
            if (i == 0) archMust = TensorSet.All;
            if ((archMust & resolved.NeverKeep) != TensorSet.None)
                throw Conflict($"must keep {(archMust & resolved.NeverKeep).Describe()}, but the dataflow never keeps it there");
            must[i] = archMust | resolved.Keep;
            var defaultKept = roles[i] == LevelRole.Pe && RoleDecidesKeeps(dataflow, storage) ? resolved.Keep | resolved.MayKeep : holdable;
            kept[i] = (defaultKept | must[i]) & ~resolved.NeverKeep;
            optional[i] = ((roles[i] == LevelRole.Pe ? TensorSet.None : storage.OptionalKeeps) | resolved.MayKeep) & kept[i] & ~must[i];
            levels[i] = resolved;
        }
        return new ResolvedConstraints(roles, levels, kept, must, optional);
    }

    // The dataflow's block for a level's role; a PE level that can hold one tensor only also gets that tensor's block.
    private static LevelConstraints RoleBlock(Dataflow dataflow, LevelRole role, StorageLevel storage)
    {
        if (role == LevelRole.Backing) return dataflow.For(DataflowRole.Backing);
        if (role == LevelRole.Buffer) return dataflow.For(DataflowRole.Buffer);
        var block = dataflow.For(DataflowRole.Pe);
        if (DedicatedRole(storage) is { } dedicated && dataflow.Roles.TryGetValue(dedicated, out var own))
            block = block.And(own, message => new InputException($"dataflow '{dataflow.Name}': pe and {dedicated}: {message}"));
        return block;
    }

    // True when the dataflow says what this PE level keeps (its pe block, or the block of the one tensor it can hold).
    private static bool RoleDecidesKeeps(Dataflow dataflow, StorageLevel storage)
    {
        var block = RoleBlock(dataflow, LevelRole.Pe, storage);
        return (block.Keep | block.MayKeep | block.NeverKeep) != TensorSet.None;
    }

    private static DataflowRole? DedicatedRole(StorageLevel storage) => storage.Keeps switch
    {
        TensorSet.Weights => DataflowRole.PeWeights,
        TensorSet.Inputs => DataflowRole.PeInputs,
        TensorSet.Outputs => DataflowRole.PeOutputs,
        _ => null,
    };
}
