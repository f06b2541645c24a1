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
            try { Directory.CreateDirectory(target); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                throw new InputException($"{target}: cannot create the directory ({e.Message})");
            }
            bool onnx = parse.GetValue(format) == "onnx";
            foreach (var entry in ModelZoo.Entries)
            {
                if (onnx) File.WriteAllBytes(Path.Combine(target, entry.Name + ".onnx"), OnnxExporter.Write(entry.Create()));
                else File.WriteAllText(Path.Combine(target, entry.Name + ".yaml"), WorkloadYaml.Write(entry.Create()));
            }
            parse.InvocationConfiguration.Output.WriteLine($"wrote {ModelZoo.Entries.Count} {(onnx ? "ONNX" : "workload")} files to {target}");
            return 0;
        });
        return command;
    }

    // A zoo name wins; anything else resolves as --model does elsewhere (workload files, ONNX files, Timeloop problems).
    private static ModelGraph Resolve(ParseResult parse, string name) =>
        ModelZoo.Contains(name) ? ModelZoo.Get(name) : OnnxUnknownOption.Load(parse, name);
}
