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

    /// <summary><c>--quiet</c>: no progress display.</summary>
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "No progress display (progress goes to stderr, and only to a terminal)" };
}
