using System.CommandLine;
using AccelSim.Reports;

namespace AccelSim.Cli.Commands;

/// <summary>`accelsim plot DIR`: redraws a results folder's plots and report.html from its CSV/JSON, without re-simulating.</summary>
internal static class PlotCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "A folder written by 'accelsim run'" };
        var command = new Command("plot", "Redraw the plots and report.html of a results folder from its layers.csv and summary.json") { dir };
        command.SetAction(parse =>
        {
            string folder = parse.GetValue(dir)!;
            var files = RunReport.Render(RunFolder.Load(folder));
            RunOutput.Write(folder, files);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {string.Join(", ", files.Keys.Order(StringComparer.Ordinal))} to {folder}");
            return 0;
        });
        return command;
    }
}
