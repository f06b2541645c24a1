using System.CommandLine;
using AccelSim.Architecture;
using AccelSim.Common;
using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>`accelsim arch [NAME|FILE]`: shows an architecture's hierarchy as a tree, or lists the shipped configs.</summary>
internal static class ArchCommand
{
    public static Command Create()
    {
        var target = new Argument<string?>("arch")
        {
            Description = "A shipped config's name (e.g. eyeriss) or an arch YAML file; omit to list the shipped configs",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("arch", "Show an architecture's storage hierarchy, fan-outs, MACs and energies") { target };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var console = ConsoleOutput.Over(output);
            string? name = parse.GetValue(target);
            if (string.IsNullOrWhiteSpace(name)) ListShipped(console);
            else console.Write(ArchTree.Render(ArchitectureLibrary.Load(name)));
            return 0;
        });
        return command;
    }

    private static void ListShipped(IAnsiConsole console)
    {
        var names = ArchitectureLibrary.Names;
        if (names.Count == 0)
        {
            console.WriteLine("no shipped architectures found (no arch-configs/ beside the tool or above this directory)");
            return;
        }
        var table = new Table().AddColumns("name", "MACs/cycle", "clock", "energy table", "description");
        foreach (string name in names)
        {
            try
            {
                var arch = ArchitectureLibrary.Load(name);
                table.AddRow(Markup.Escape(name), $"{arch.PeakMacsPerCycle:N0}", Units.Clock(arch.ClockHz), Markup.Escape(arch.EnergyTable), Markup.Escape(arch.Description));
            }
            catch (InputException e)
            {
                // One broken file should not hide the others; show its error in its row.
                table.AddRow(Markup.Escape(name), "", "", "", Markup.Escape($"invalid: {e.Message}"));
            }
        }
        console.Write(table);
        console.WriteLine("Show one with: accelsim arch NAME");
    }
}
