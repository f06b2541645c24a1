using System.CommandLine;
using AccelSim.Common;
using AccelSim.Energy;
using AccelSim.Model;
using AccelSim.Search;

namespace AccelSim.Cli.Commands;

/// <summary>Options several commands share, defined once so their names and help read the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary><c>--energy-table NAME</c>: price the architecture with a built-in table instead of its own.</summary>
    public static Option<string?> EnergyTable() => new("--energy-table")
    {
        Description = $"Built-in energy table replacing the arch's own ({string.Join(", ", EnergyTables.Names)}); " +
            "eyeriss-normalized reports multiples of one MAC's energy (xMAC)",
    };

    /// <summary><c>--constraints FILE</c>: per-level constraints adding to or overriding the arch file's.</summary>
    public static Option<string?> Constraints() => new("--constraints")
    {
        Description = "YAML file of per-level constraints (constraints: {LEVEL: {factors, loops, permutation, spatial, keep, may_keep, never_keep}}) " +
            "adding to or overriding the arch file's (docs/arch-format.md)",
    };

    /// <summary><c>--counting accelsim|timeloop</c>: whose counting rules evaluate mappings (docs/model.md).</summary>
    public static Option<string> Counting() => new("--counting")
    {
        Description = "Counting rules: accelsim (default) or timeloop (no drain reads, no diagonal multicast, reloads into every PE of a reduction group, Timeloop's halo; docs/model.md)",
        DefaultValueFactory = _ => "accelsim",
    };

    /// <summary><c>--timeloop-halo head|pre-297</c>: which Timeloop halo rule <c>--counting timeloop</c> applies.</summary>
    public static Option<string?> TimeloopHalo() => new("--timeloop-halo")
    {
        Description = "With --counting timeloop: head (Timeloop after PR #297, default) or pre-297 (its 2024 reference outputs)",
    };

    /// <summary><c>--ert FILE</c>: an Accelergy ERT pricing a Timeloop architecture.</summary>
    public static Option<string?> Ert() => new("--ert")
    {
        Description = "Accelergy energy reference table (timeloop-mapper.ERT.yaml) pricing a Timeloop --arch (docs/timeloop.md)",
    };

    /// <summary>The counting rules the two options ask for; a bad value is one error line naming the option.</summary>
    public static CountingRules Rules(string counting, string? halo)
    {
        var mode = counting.ToLowerInvariant() switch
        {
            "accelsim" => Model.Counting.AccelSim,
            "timeloop" => Model.Counting.Timeloop,
            _ => throw new InputException($"--counting: '{counting}' (expected accelsim or timeloop)"),
        };
        if (halo is null) return CountingRules.For(mode);
        if (mode != Model.Counting.Timeloop) throw new InputException($"--timeloop-halo: applies to --counting timeloop only");
        return CountingRules.Timeloop(halo.ToLowerInvariant() switch
        {
            "head" => Model.TimeloopHalo.Head,
            "pre-297" or "pre297" => Model.TimeloopHalo.Pre297,
            _ => throw new InputException($"--timeloop-halo: '{halo}' (expected head or pre-297)"),
        });
    }

    /// <summary><c>--fast</c>: the fast heuristic search (<see cref="MapperOptions.Fast"/>).</summary>
    public static Option<bool> Fast() => new("--fast")
    {
        Description = $"The fast heuristic search instead of the sound default: only the {MapperOptions.FastSpatialCandidates} best-utilized " +
            "spatial unrollings, dominated tilings skipped; not proven optimal (docs/mapper.md)",
    };

    /// <summary><c>--exhaustive</c>: the sound search, the default, asked for explicitly (<see cref="MapperOptions.Sound"/>).</summary>
    public static Option<bool> Exhaustive() => new("--exhaustive")
    {
        Description = "The sound search, which is the default (accepted to say so): every spatial unrolling and no dominated-tiling skip, " +
            "pruned only by proofs (branch and bound, exact loop-order bounds): returns the optimum of the declared space (docs/mapper.md)",
    };

    /// <summary>The search the flags ask for: the fast one with <c>--fast</c>, else the sound default.</summary>
    public static MapperOptions Search(MapperOptions options, bool exhaustive, bool fast) =>
        exhaustive && fast ? throw new InputException("--fast: cannot be combined with --exhaustive (the sound search)")
        : fast ? options.Fast() : options.Sound();

    /// <summary><c>--quiet</c>: no progress display.</summary>
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress display (progress goes to stderr, and only to a terminal)" };
}
