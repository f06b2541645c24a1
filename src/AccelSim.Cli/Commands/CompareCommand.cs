using System.CommandLine;
using System.Globalization;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Comparisons;
using AccelSim.Mapping;
using AccelSim.Pipeline;
using AccelSim.Plots.Figures;
using AccelSim.Reports;
using AccelSim.Workloads;
using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>`accelsim compare`: models side by side (--models), or a dense 3x3 conv against its depthwise-separable
/// replacement (--layers dense-vs-depthwise), on one architecture.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var models = new Option<string?>("--models") { Description = "Zoo model names or model files (workload YAML, ONNX, Timeloop problems), comma-separated" };
        var layers = new Option<string?>("--layers") { Description = "A layer study: dense-vs-depthwise" };
        var arch = new Option<string>("--arch") { Description = "Shipped config name or arch YAML file", DefaultValueFactory = _ => RunCommand.DefaultArch };
        var output = new Option<string?>("--out") { Description = "Output folder (default: results/compare-ARCH)" };
        var channels = new Option<string?>("--channels") { Description = "dense-vs-depthwise channel counts (default 32,64,128,256,512)" };
        var sizes = new Option<string?>("--sizes") { Description = "dense-vs-depthwise feature-map sizes (default 56,28,14,7)" };
        var energyTable = CommonOptions.EnergyTable();
        var quiet = CommonOptions.Quiet();
        var constraints = CommonOptions.Constraints();
        var fast = CommonOptions.Fast();
        var exhaustive = CommonOptions.Exhaustive();
        var command = new Command("compare", "Compare models, or dense against depthwise-separable convolutions, on one architecture")
        {
            models, layers, arch, output, channels, sizes, energyTable, quiet, constraints, fast, exhaustive,
        };
        command.SetAction(parse =>
        {
            var console = ConsoleOutput.Over(parse.InvocationConfiguration.Output);
            var error = parse.InvocationConfiguration.Error;
            bool q = parse.GetValue(quiet);
            void WithProgress(string what, Action<Action<int, int>> work) => ProgressDisplay.Run(error, q, what, report => work((done, total) => report(done, total, null)));
            string? m = parse.GetValue(models), l = parse.GetValue(layers);
            if ((m is null) == (l is null)) throw new InputException("compare: give exactly one of --models or --layers");
            var a = ArchitectureLibrary.Load(parse.GetValue(arch)!, parse.GetValue(energyTable), constraintsFile: parse.GetValue(constraints));
            string folder = parse.GetValue(output) ?? Path.Combine("results", $"compare-{a.Name}");
            if (File.Exists(folder)) throw new InputException($"--out {folder}: is a file, not a folder");
            var run = new ModelRunOptions { Mapper = CommonOptions.Search(new(), parse.GetValue(exhaustive), parse.GetValue(fast)) };
            if (m is not null) return Models(console, WithProgress, m, a, folder, run, name => OnnxUnknownOption.Load(parse, name));
            if (!string.Equals(l, "dense-vs-depthwise", StringComparison.OrdinalIgnoreCase))
                throw new InputException($"--layers {l}: unknown study (known: dense-vs-depthwise)");
            var (c, s) = (Ints("--channels", parse.GetValue(channels)), Ints("--sizes", parse.GetValue(sizes)));
            try { return Layers(console, WithProgress, a, folder, run, c, s); }
            catch (InputException e) when (c is not null || s is not null) { throw new InputException($"--channels/--sizes: {e.Message}"); }
        });
        return command;
    }

    private static int Models(IAnsiConsole console, Progress withProgress, string names, Accelerator arch, string folder, ModelRunOptions run, Func<string, ModelGraph> load)
    {
        var graphs = names.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(load).ToArray();
        if (graphs.Length == 0) throw new InputException("--models: give at least one model");
        IReadOnlyList<ModelRunResult> runs = [];
        withProgress($"comparing {graphs.Length} models", p => runs = ModelComparison.Run(graphs, arch, run, p));
        var table = new Table().AddColumns("model", "MACs", "weights", $"energy ({arch.EnergyUnit})", "latency (ms)", "utilization", $"{arch.EnergyUnit}/MAC");
        foreach (var r in runs)
            table.AddRow(Markup.Escape(r.Model.Name), G(r.Macs), G(r.Weights), G(r.Energy), G(r.Seconds * 1e3), r.Utilization.ToString("P1", CultureInfo.InvariantCulture),
                G(r.Macs == 0 ? 0 : r.Energy / r.Macs));
        console.Write(table);
        var figures = ModelComparison.Figures(runs);
        var files = ModelFigures.Files(figures);
        string csv = ModelComparison.Csv(runs);
        files["compare.csv"] = Figure.Utf8(csv);
        files[HtmlReport.FileName] = StudyReport.Render($"Models on {arch.Name}", ModelComparison.Headline(runs),
            [new("architecture", arch.Name), new("models", string.Join(", ", runs.Select(r => r.Model.Name)))],
            figures, "Models (compare.csv)", csv);
        return Written(console, folder, files);
    }

    private static int Layers(IAnsiConsole console, Progress withProgress, Accelerator arch, string folder, ModelRunOptions run, int[]? channels, int[]? sizes)
    {
        IReadOnlyList<LayerPartResult> parts = [];
        withProgress("dense vs depthwise", p => parts = DenseVsDepthwise.Run(arch, run, channels, sizes, p));
        var table = new Table().AddColumns("C", "size", "part", "MACs", $"energy ({arch.EnergyUnit})", "cycles", "utilization", $"{arch.EnergyUnit}/MAC");
        foreach (var p in parts)
            table.AddRow(p.Channels.ToString(CultureInfo.InvariantCulture), $"{p.Size}x{p.Size}", p.Part, G(p.Macs), G(p.Energy), G(p.Cycles),
                p.Utilization.ToString("P1", CultureInfo.InvariantCulture), G(p.EnergyPerMac));
        console.Write(table);
        var figures = DenseVsDepthwise.Figures(parts, arch);
        var files = ModelFigures.Files(figures);
        string csv = DenseVsDepthwise.Csv(parts, arch.EnergyUnit);
        files["compare-layers.csv"] = Figure.Utf8(csv);
        files[HtmlReport.FileName] = StudyReport.Render($"Dense vs depthwise-separable on {arch.Name}", DenseVsDepthwise.Headline(parts, arch),
            [new("architecture", arch.Name), new("channels", string.Join(", ", parts.Select(p => p.Channels).Distinct())),
             new("feature-map sizes", string.Join(", ", parts.Select(p => $"{p.Size}x{p.Size}").Distinct()))],
            figures, "Layers (compare-layers.csv)", csv);
        return Written(console, folder, files);
    }

    // Runs a piece of work with a progress display (stderr, terminal only, off with --quiet).
    private delegate void Progress(string what, Action<Action<int, int>> work);

    private static int Written(IAnsiConsole console, string folder, Dictionary<string, byte[]> files)
    {
        RunOutput.Write(folder, files);
        console.MarkupLine($"wrote [bold]{Markup.Escape(folder)}[/]: {Markup.Escape(string.Join(", ", files.Keys.Order(StringComparer.Ordinal)))}");
        return 0;
    }

    private static int[]? Ints(string option, string? text) => text?.Split(',', StringSplitOptions.TrimEntries).Select(v =>
        int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : throw new InputException($"{option} {text}: '{v}' is not a positive integer")).ToArray();

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
