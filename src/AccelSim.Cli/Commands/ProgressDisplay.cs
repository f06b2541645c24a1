using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>
/// A progress bar on stderr, shown only when stderr is a terminal and --quiet is off: results on stdout stay clean when
/// they are redirected or piped, and logs do not fill with progress lines.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, giving it a reporter of (done, total, current item or null).</summary>
    public static void Run(TextWriter error, bool quiet, string title, Action<Action<int, int, string?>> work)
    {
        bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        if (quiet || !terminal)
        {
            work((_, _, _) => { });
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                var gate = new object();
                work((done, total, item) =>
                {
                    lock (gate)
                    {
                        task.MaxValue = Math.Max(1, total);
                        task.Value = done;
                        task.Description = Markup.Escape(item is null ? $"{title}: {done}/{total}" : $"{done}/{total} {item}");
                    }
                });
            });
    }
}
