using System.CommandLine;
using System.Globalization;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Mapping.Search;
using AccelSim.Pipeline;
using AccelSim.Reports;
using AccelSim.Workloads;
using AccelSim.Workloads.Onnx;
using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>`accelsim run`: maps and evaluates every layer of a model on an architecture and writes the results folder.
/// With no arguments at all, `accelsim` runs this on its defaults (AlexNet on eyeriss).</summary>
internal static class RunCommand
{
    public const string DefaultModel = "alexnet", DefaultArch = "eyeriss";

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Zoo model name or workload YAML file", DefaultValueFactory = _ => DefaultModel };
        var arch = new Option<string>("--arch") { Description = "Shipped config name or arch YAML file", DefaultValueFactory = _ => DefaultArch };
        var dataflow = new Option<string?>("--dataflow") { Description = "ws, os, is, rs or nlr (default: the arch's first)" };
        var objective = new Option<string>("--objective") { Description = "energy, latency or edp", DefaultValueFactory = _ => "energy" };
        var batch = new Option<int>("--batch") { Description = "Batch size (weights are reused across a batch)", DefaultValueFactory = _ => 1 };
        var bypass = new Option<bool>("--search-bypass") { Description = "Also search which tensors the buffers keep or bypass" };
        var output = new Option<string?>("--out") { Description = "Results folder (default: results/MODEL-ARCH)" };
        var command = new Command("run", "Evaluate a whole model on an architecture: map, evaluate and report every layer")
        {
            model, arch, dataflow, objective, batch, output, bypass,
        };
        command.SetAction(parse => Execute(parse.InvocationConfiguration.Output, parse.GetValue(model)!, parse.GetValue(arch)!,
            parse.GetValue(dataflow), parse.GetValue(objective)!, parse.GetValue(batch), parse.GetValue(output), Environment.GetCommandLineArgs(),
            parse.GetValue(bypass), OnnxUnknownOption.Read(parse), parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs and writes everything; shared with the root command's no-argument default.</summary>
    public static int Execute(TextWriter writer, string modelName, string archName, string? dataflowName, string objective, int batch,
        string? outDir, string[] commandLine, bool searchBypass = false,
        OnnxUnknownOps onnxUnknown = OnnxUnknownOps.Refuse, TextWriter? notes = null)
    {
        var console = ConsoleOutput.Over(writer);
        var model = OnnxUnknownOption.Load(modelName, onnxUnknown, notes ?? TextWriter.Null);
        var arch = ArchitectureLibrary.Load(archName);
        if (batch < 1) throw new InputException($"--batch: must be positive, got {batch}");
        var options = new ModelRunOptions
        {
            Dataflow = dataflowName is null ? null : Dataflows.Get(dataflowName),
            Mapper = new MapperOptions { Objective = Objectives.Parse(objective), SearchBypass = searchBypass },
            Batch = batch,
        };
        string folder = outDir ?? Path.Combine("results", $"{Slug(model.Name)}-{Slug(arch.Name)}");
        if (File.Exists(folder)) throw new InputException($"--out {folder}: is a file, not a folder");

        ModelRunResult? run = null;
        console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"mapping {Markup.Escape(model.Name)} on {Markup.Escape(arch.Name)}", maxValue: Math.Max(1, model.Layers.Count - 1));
                run = ModelRunner.Run(model, arch, options, (done, total, name) =>
                {
                    task.MaxValue = total;
                    task.Value = done;
                    task.Description = $"{done}/{total} {Markup.Escape(name)}";
                });
            });
        var files = RunOutput.Render(run!, string.Join(" ", commandLine.Skip(1).Prepend("accelsim")), folder);
        RunOutput.Write(folder, files);
        RunTable.Print(console, run!);
        console.MarkupLine($"results written to [bold]{Markup.Escape(folder)}[/]: {string.Join(", ", files.Keys.Order(StringComparer.Ordinal))}");
        return 0;
    }

    private static string Slug(string name) => new(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());
}
