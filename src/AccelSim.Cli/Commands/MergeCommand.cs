using System.CommandLine;
using AccelSim.Common;
using AccelSim.Reports;
using AccelSim.Sweeps;

namespace AccelSim.Cli.Commands;

/// <summary>`accelsim merge OUT DIR...`: joins sweep shard folders into one sweep folder and redraws its plots.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var output = new Argument<string>("OUT") { Description = "Folder for the merged sweep" };
        var shards = new Argument<string[]>("DIR") { Description = "Shard folders written by accelsim sweep --shard", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge", "Merge sweep shards into one sweep.csv (identical to an unsharded run) and redraw the plots") { output, shards };
        command.SetAction(parse =>
        {
            var writer = parse.InvocationConfiguration.Output;
            string folder = parse.GetValue(output)!;
            var merged = SweepMerge.Merge(parse.GetValue(shards)!);
            var files = SweepFigures.Render(merged.Manifest, merged.Csv);
            files[SweepRunner.CsvName] = AccelSim.Plots.Figures.Figure.Utf8(merged.Csv);
            files[SweepRunner.ManifestName] = AccelSim.Plots.Figures.Figure.Utf8(SweepManifest.ToJson(merged.Manifest));
            RunOutput.Write(folder, files);
            writer.WriteLine($"merged {merged.Manifest.Points - merged.Missing.Count} of {merged.Manifest.Points} points into {folder}");
            if (merged.Missing.Count > 0)
                writer.WriteLine($"warning: {merged.Missing.Count} points missing (indexes {string.Join(", ", merged.Missing.Take(20))}{(merged.Missing.Count > 20 ? ", ..." : "")}); rerun their shards");
            return 0;
        });
        return command;
    }
}
