using System.CommandLine;
using AccelSim.Energy;

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

    /// <summary><c>--quiet</c>: no progress display.</summary>
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress display (progress goes to stderr, and only to a terminal)" };
}
