using System.CommandLine;
using AccelSim.Cli.Commands;

namespace AccelSim.Cli;

/// <summary>The list of sub-commands; adding a command is one line here and one file under Commands/.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> All() =>
    [
        ZooCommand.Create(),
        ArchCommand.Create(),
        MapCommand.Create(),
        RunCommand.Create(),
        PlotCommand.Create(),
        VerifyCommand.Create(),
        SweepCommand.Create(),
        MergeCommand.Create(),
        CompareCommand.Create(),
    ];
}
