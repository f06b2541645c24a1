using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>A Spectre console writing to the command's output writer (so tests can capture it), plain and wide.</summary>
internal static class ConsoleOutput
{
    public static IAnsiConsole Over(TextWriter writer)
    {
        bool isTerminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        // Captured output and pipes get a fixed width so lines are not wrapped at an arbitrary 80 columns.
        if (!isTerminal) console.Profile.Width = 200;
        return console;
    }
}
