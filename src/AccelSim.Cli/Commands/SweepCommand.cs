using System.CommandLine;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Pipeline;
using AccelSim.Reports;
using AccelSim.Sweeps;
using AccelSim.Workloads;
using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>`accelsim sweep`: a cartesian sweep over architecture parameters, resumable and shardable (docs/sweeps.md).</summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Zoo model names or model files (workload YAML, ONNX, Timeloop problems), comma-separated", Required = true };
        var arch = new Option<string>("--arch") { Description = "Shipped config name or arch YAML file", DefaultValueFactory = _ => RunCommand.DefaultArch };
        var set = new Option<string[]>("--set")
        {
            Description = "KEY=V1,V2,... with KEY one of array (ROWSxCOLUMNS, e.g. 12x14), glb, rf (words or bytes), dram_bw (words/cycle); repeat for more axes",
            Required = true,
        };
        var output = new Option<string?>("--out") { Description = "Output folder (default: results/sweep-ARCH); rerun with the same one to resume" };
        var shard = new Option<string>("--shard") { Description = "K/N: run only the K-th of N disjoint slices of the points", DefaultValueFactory = _ => "1/1" };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => 1 };
        var dataflow = new Option<string?>("--dataflow") { Description = "ws, os, is, rs, nlr, rs-timeloop or a dataflow YAML file (default: the arch's first)" };
        var energyTable = CommonOptions.EnergyTable();
        var quiet = CommonOptions.Quiet();
        var constraints = CommonOptions.Constraints();
        var fast = CommonOptions.Fast();
        var exhaustive = CommonOptions.Exhaustive();
        var command = new Command("sweep", "Sweep architecture parameters (cartesian product) over one or more models")
        {
            model, arch, set, output, shard, batch, dataflow, energyTable, quiet, constraints, fast, exhaustive,
        };
        command.SetAction(parse => Execute(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(model)!,
            parse.GetValue(arch)!, parse.GetValue(set) ?? [], parse.GetValue(output), parse.GetValue(shard)!, parse.GetValue(batch),
            parse.GetValue(dataflow), parse.GetValue(energyTable), parse.GetValue(quiet), name => OnnxUnknownOption.Load(parse, name), parse.GetValue(constraints), parse.GetValue(exhaustive), parse.GetValue(fast)));
        return command;
    }

    private static int Execute(TextWriter writer, TextWriter error, string models, string archName, string[] sets, string? outDir, string shardText,
        int batch, string? dataflowName, string? energyTable, bool quiet, Func<string, ModelGraph> load, string? constraints, bool exhaustive, bool fast)
    {
        var console = ConsoleOutput.Over(writer);
        if (batch < 1) throw new InputException($"--batch: must be positive, got {batch}");
        var shard = SweepShard.Parse(shardText);
        var arch = ArchitectureLibrary.Load(archName, energyTable, constraintsFile: constraints);
        var names = models.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) throw new InputException("--model: give at least one model");
        var graphs = names.Select(load).ToArray();
        if (graphs.Select(g => g.Name).Distinct().Count() != graphs.Length) throw new InputException($"--model {models}: a model is listed twice");
        var axes = sets.Select(s => SweepKeys.Parse(s, arch)).ToArray();
        if (axes.Select(a => a.Key).Distinct().Count() != axes.Length) throw new InputException("--set: a key is given twice");
        var plan = new SweepPlan(graphs, arch, axes, new ModelRunOptions
        {
            Dataflow = dataflowName is null ? null : Dataflows.Get(dataflowName),
            Batch = batch,
            Mapper = CommonOptions.Search(new(), exhaustive, fast),
        });
        string folder = outDir ?? Path.Combine("results", $"sweep-{arch.Name}");

        SweepRunResult? result = null;
        ProgressDisplay.Run(error, quiet, $"sweep {shard} points", report => result = SweepRunner.Run(plan, folder, shard, (done, total) => report(done, total, null)));
        var manifest = SweepManifest.Read(Path.Combine(folder, SweepRunner.ManifestName));
        var plots = SweepFigures.Render(manifest, result!.Csv);
        RunOutput.WriteInPlace(folder, plots);
        console.Write(ResultsTable(manifest, result.Csv));
        console.MarkupLine($"{result.Computed} points computed, {result.Skipped} already done; wrote [bold]{Markup.Escape(folder)}[/]: " +
            Markup.Escape(string.Join(", ", plots.Keys.Order(StringComparer.Ordinal).Prepend(SweepRunner.ManifestName).Prepend(SweepRunner.CsvName))));
        return 0;
    }

    // The points as a console table: model, swept values, then latency, energy and utilization (all points, in sweep.csv order).
    private static Table ResultsTable(SweepManifest manifest, string csv)
    {
        var (header, rows) = SweepCsv.Parse(csv);
        header = header.Select(LegacyColumns.Current).ToArray();
        string[] columns = ["model", .. manifest.Axes.Select(a => a.Key), "cycles", "energy", "utilization"];
        int[] index = columns.Select(c => Array.IndexOf(header, c)).ToArray();
        var table = new Table().AddColumns(columns.Select(c => c == "energy" ? $"energy ({LegacyColumns.CurrentUnit(manifest.EnergyUnit)})" : c).ToArray());
        foreach (var row in rows)
            table.AddRow(index.Select(i => Markup.Escape(i < 0 ? "" : Short(row[i]))).ToArray());
        return table;
    }

    private static string Short(string cell) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && cell.Contains('.')
            ? v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : cell;
}
