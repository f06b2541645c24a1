using System.CommandLine;

namespace AccelSim.Cli.Commands;

/// <summary>`accelsim zoo`: lists the model zoo (placeholder until the zoo lands).</summary>
internal static class ZooCommand
{
    public static Command Create()
    {
        var command = new Command("zoo", "List the models of the zoo");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine("zoo: (no models yet)");
            return 0;
        });
        return command;
    }
}
