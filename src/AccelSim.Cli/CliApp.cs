using System.CommandLine;
using AccelSim.Common;

namespace AccelSim.Cli;

/// <summary>The `accelsim` command line: each sub-command lives in its own file under Commands/.</summary>
public static class CliApp
{
    /// <summary>Exit code for bad input (a file, a field, an argument).</summary>
    public const int InputError = 2;

    /// <summary>Builds the root command with every sub-command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("AccelSim: hardware-accelerator dataflow simulator (energy and latency follow data movement, not MACs)");
        foreach (var command in CommandRegistry.All()) root.Subcommands.Add(command);
        root.Options.Add(Commands.OnnxUnknownOption.Create());
        // With no arguments the tool runs its main job on built-in defaults: AlexNet on eyeriss.
        root.SetAction(parse => Commands.RunCommand.Execute(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            new Commands.RunCommand.RunRequest(Commands.RunCommand.DefaultModel, Commands.RunCommand.DefaultArch, null, "energy", 1, null, ["accelsim"])));
        return root;
    }

    /// <summary>Parses and runs; bad input becomes one clear line on stderr and exit code 2.</summary>
    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var output = stdout ?? Console.Out;
        var error = stderr ?? Console.Error;
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            var parse = Build().Parse(args);
            if (parse.Errors.Count > 0)
            {
                // One line per problem and a pointer to the help, instead of the whole usage text.
                string command = parse.CommandResult.Command.Name;
                string message = string.Join(' ', parse.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
                // Say what a value must be in the user's words, not as a .NET type.
                message = System.Text.RegularExpressions.Regex.Replace(message, @"as expected type '(System\.)?(\w+)'", m => m.Groups[2].Value switch
                {
                    "Int32" => "as a whole number up to 2147483647",
                    "Int64" => "as a whole number",
                    "Double" => "as a number",
                    _ => "as a value of the expected kind",
                });
                error.WriteLine($"error: {message} (see 'accelsim {(command == "accelsim" || parse.CommandResult.Command is RootCommand ? "" : command + " ")}--help')");
                return InputError;
            }
            try { return parse.Invoke(config); }
            catch (AggregateException e) { ParallelErrors.Rethrow(e); throw; }
        }
        catch (InputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return InputError;
        }
        catch (OverflowException)
        {
            // Checked arithmetic caught a count that does not fit where no reader could name the field: name the command.
            error.WriteLine($"error: {string.Join(' ', args.Take(5))}: out of range: {CountRange.Limits}");
            return InputError;
        }
    }
}
