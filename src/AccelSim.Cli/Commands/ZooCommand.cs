using System.CommandLine;
using AccelSim.Common;
using AccelSim.Workloads;
using AccelSim.Workloads.Onnx;
using AccelSim.Workloads.Yaml;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Cli.Commands;

/// <summary>
/// `accelsim zoo`: lists the model zoo (table or CSV); `accelsim zoo MODEL` shows one model's layers, MODEL being a zoo name
/// or a workload or ONNX file; `accelsim zoo export DIR` writes every listed model as a workload file (or, with --format onnx, an ONNX graph).
/// </summary>
internal static class ZooCommand
{
    public static Command Create()
    {
        var model = new Argument<string?>("model") { Description = "A zoo model name, a workload YAML file or an ONNX file", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "table or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var command = new Command("zoo", "List the model zoo, or show the layers of one model") { model, format };
        command.Subcommands.Add(CreateExport());
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            bool csv = parse.GetValue(format) == "csv";
            if (parse.GetValue(model) is { } name) ZooReport.WriteLayers(Resolve(parse, name), csv, output);
            else ZooReport.WriteList(ModelZoo.Entries.Select(e => (e, ModelSummary.Of(e.Create()))), csv, output);
            return 0;
        });
        return command;
    }

    private static Command CreateExport()
    {
        var dir = new Argument<string>("dir") { Description = "Directory to write <model>.yaml (or .onnx) files into" };
        var format = new Option<string>("--format") { Description = "yaml (workload files) or onnx (graphs with shapes, no weight values)", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "onnx");
        var command = new Command("export", "Write every listed zoo model as a workload YAML file or an ONNX graph") { dir, format };
        command.SetAction(parse =>
        {
            string target = parse.GetValue(dir)!;
            if (string.IsNullOrWhiteSpace(target)) throw new InputException("zoo export: DIR is an empty path");
            // Rendered first, then swapped in whole: a kill never leaves a 0-byte or half-written file.
            bool onnx = parse.GetValue(format) == "onnx";
            if (onnx) FolderSwap.Write(target, ModelZoo.Entries.ToDictionary(e => e.Name + ".onnx", e => OnnxExporter.Write(e.Create())), "zoo export");
            else FolderSwap.Write(target, ModelZoo.Entries.ToDictionary(e => e.Name + ".yaml", e => WorkloadYaml.Write(e.Create())), "zoo export");
            parse.InvocationConfiguration.Output.WriteLine($"wrote {ModelZoo.Entries.Count} {(onnx ? "ONNX" : "workload")} files to {target}");
            return 0;
        });
        return command;
    }

    // A zoo name wins; anything else resolves as --model does elsewhere (workload files, ONNX files, Timeloop problems).
    private static ModelGraph Resolve(ParseResult parse, string name) =>
        ModelZoo.Contains(name) ? ModelZoo.Get(name) : OnnxUnknownOption.Load(parse, name);
}
