using System.CommandLine;
using System.Globalization;
using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Pipeline;
using AccelSim.Workloads;
using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>`accelsim verify`: the analytical model against the cycle-level simulator on every MAC layer; exit 1 on any disagreement.</summary>
internal static class VerifyCommand
{
    public const int Disagreement = 1;

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Zoo model name, workload YAML, ONNX file, or Timeloop problem file or folder", DefaultValueFactory = _ => "alexnet" };
        var arch = new Option<string>("--arch") { Description = "Shipped config name or arch YAML file", DefaultValueFactory = _ => "eyeriss" };
        var dataflow = new Option<string?>("--dataflow") { Description = "ws, os, is, rs, nlr, rs-timeloop or a dataflow YAML file (default: the arch's first)" };
        var fast = CommonOptions.Fast();
        var exhaustive = CommonOptions.Exhaustive();
        var command = new Command("verify", "Cross-check the simulator's access counts and cycles against the analytical model, layer by layer")
        {
            model, arch, dataflow, fast, exhaustive,
        };
        command.SetAction(parse =>
        {
            var console = ConsoleOutput.Over(parse.InvocationConfiguration.Output);
            var graph = OnnxUnknownOption.Load(parse, parse.GetValue(model)!);
            var accelerator = ArchitectureLibrary.Load(parse.GetValue(arch)!);
            var flow = Dataflows.Get(parse.GetValue(dataflow) ?? accelerator.Dataflows.FirstOrDefault() ?? "rs");
            var results = ModelVerification.Run(graph, accelerator, flow, CommonOptions.Search(new(), parse.GetValue(exhaustive), parse.GetValue(fast)));
            var table = new Table().Title($"{Markup.Escape(graph.Name)} on {Markup.Escape(accelerator.Name)} ({flow.Name}): simulator vs analytical model")
                .AddColumns("layer", "counts", "simulated cycles", "compute bound", "bandwidth bound", "cycles ≥ bounds");
            foreach (var r in results)
                table.AddRow(Markup.Escape(r.Layer), r.CountsEqual ? "[green]equal[/]" : $"[red]differ: {Markup.Escape(r.Difference)}[/]",
                    N(r.SimulatedCycles), N(r.ComputeBound), $"{N(r.BandwidthBound)} ({Markup.Escape(r.BandwidthLevel)})",
                    r.CyclesAboveBounds ? "[green]yes[/]" : "[red]no[/]");
            console.Write(table);
            int bad = results.Count(r => !r.Agrees);
            console.WriteLine(bad == 0 ? $"all {results.Count} MAC layers agree" : $"{bad} of {results.Count} MAC layers disagree");
            return bad == 0 ? 0 : Disagreement;
        });
        return command;
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
