using System.CommandLine;
using System.Globalization;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Mapping.ScaleSim;
using AccelSim.Pipeline;
using AccelSim.Reports;
using AccelSim.Search;
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
        var model = new Option<string>("--model") { Description = "Zoo model name, workload YAML, ONNX file, or Timeloop problem file or folder", DefaultValueFactory = _ => DefaultModel };
        var arch = new Option<string>("--arch") { Description = "Shipped config name or arch YAML file", DefaultValueFactory = _ => DefaultArch };
        var dataflow = new Option<string?>("--dataflow") { Description = "ws, os, is, rs, nlr, rs-timeloop or a dataflow YAML file (default: the arch's first)" };
        var objective = new Option<string>("--objective") { Description = "energy, latency, edp or latency-sim (fewest simulated cycles; docs/mapper.md)", DefaultValueFactory = _ => "energy" };
        var batch = new Option<int>("--batch") { Description = "Batch size (weights are reused across a batch)", DefaultValueFactory = _ => 1 };
        var bypass = new Option<bool>("--search-bypass") { Description = "Also search which optional tensors (may_keep) the buffers keep or bypass" };
        var output = new Option<string?>("--out") { Description = "Results folder (default: results/MODEL-ARCH)" };
        var mappings = new Option<string?>("--mappings") { Description = "Replay the mappings of this file (a run's mappings.yaml, possibly hand-edited) instead of searching" };
        var densities = new Option<string?>("--densities") { Description = "Per-layer densities (fractions of non-zero words) for the arch's sparse_optimizations (docs/sparsity.md); default dense" };
        var energyTable = CommonOptions.EnergyTable();
        var quiet = CommonOptions.Quiet();
        var constraints = CommonOptions.Constraints();
        var counting = CommonOptions.Counting();
        var halo = CommonOptions.TimeloopHalo();
        var ert = CommonOptions.Ert();
        var scaleSim = new Option<string?>("--scalesim") { Description = "Run every layer with SCALE-Sim v2's fixed mapping for its dataflow os, ws or is instead of searching (a one-array arch such as systolic-32x32; docs/validation.md)" };
        var art = new Option<string?>("--art") { Description = "Accelergy area reference table (timeloop-mapper.ART.yaml) for a Timeloop --arch: area_um2 in summary.json (docs/timeloop.md)" };
        var simulationCap = new Option<int>("--simulation-cap") { Description = "Most mappings tied with the best (or latency-sim's candidates) the cycle-level simulator runs per layer to pick the fastest; default 0 (off: the analytical tie-break), since the re-walk of tied items makes whole-model runs several times slower on some arches (docs/mapper.md)", DefaultValueFactory = _ => 0 };
        var imperfect = new Option<bool>("--imperfect") { Description = "Search every layer with imperfect factors and flattened axes too, as map --imperfect (docs/mapper.md; slower: those unrollings walk without the bound)" };
        var fast = CommonOptions.Fast();
        var exhaustive = CommonOptions.Exhaustive();
        var command = new Command("run", "Evaluate a whole model on an architecture: map, evaluate and report every layer")
        {
            model, arch, dataflow, objective, batch, output, bypass, mappings, densities, energyTable, quiet, constraints,
            counting, halo, ert, art, scaleSim, simulationCap, imperfect, fast, exhaustive,
        };
        command.SetAction(parse => Execute(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, new RunRequest(
            parse.GetValue(model)!, parse.GetValue(arch)!, parse.GetValue(dataflow), parse.GetValue(objective)!, parse.GetValue(batch),
            parse.GetValue(output), Environment.GetCommandLineArgs(), parse.GetValue(bypass), parse.GetValue(mappings),
            parse.GetValue(energyTable), parse.GetValue(quiet), OnnxUnknownOption.Read(parse), parse.GetValue(densities), parse.GetValue(constraints),
            CommonOptions.Rules(parse.GetValue(counting)!, parse.GetValue(halo)), parse.GetValue(ert), parse.GetValue(art), parse.GetValue(scaleSim)) { SimulationCap = parse.GetValue(simulationCap), Imperfect = parse.GetValue(imperfect), Fast = parse.GetValue(fast), Exhaustive = parse.GetValue(exhaustive) }));
        return command;
    }

    /// <summary>What `accelsim run` was asked to do.</summary>
    public sealed record RunRequest(string Model, string Arch, string? Dataflow, string Objective, int Batch, string? OutDir,
        string[] CommandLine, bool SearchBypass = false, string? Mappings = null, string? EnergyTable = null, bool Quiet = false,
        OnnxUnknownOps OnnxUnknown = OnnxUnknownOps.Refuse, string? Densities = null, string? Constraints = null,
        Model.CountingRules? Counting = null, string? Ert = null, string? Art = null, string? ScaleSim = null)
    {
        /// <summary>The simulated tie-break's cap (<see cref="MapperOptions.SimulationCap"/>); off by default in <c>run</c> (speed).</summary>
        public int SimulationCap { get; init; }

        /// <summary>Search with imperfect factors and flattened axes (<see cref="MapperOptions.ImperfectFactors"/>).</summary>
        public bool Imperfect { get; init; }

        /// <summary>The fast heuristic search instead of the sound default (<see cref="MapperOptions.Fast"/>).</summary>
        public bool Fast { get; init; }

        /// <summary>The sound search, the default, asked for explicitly (<see cref="MapperOptions.Sound"/>).</summary>
        public bool Exhaustive { get; init; }
    }

    /// <summary>Runs and writes everything; shared with the root command's no-argument default.</summary>
    public static int Execute(TextWriter writer, TextWriter error, RunRequest request)
    {
        var console = ConsoleOutput.Over(writer);
        var model = OnnxUnknownOption.Load(request.Model, request.OnnxUnknown, error);
        var arch = ArchitectureLibrary.Load(request.Arch, request.EnergyTable, request.Ert, request.Constraints);
        var area = request.Art is null ? null : Architecture.Timeloop.TimeloopArt.Load(request.Art, arch);
        if (request.Batch < 1) throw new InputException($"--batch: must be positive, got {request.Batch}");
        if (request.ScaleSim is not null && request.Mappings is not null) throw new InputException("--scalesim: cannot be combined with --mappings (each gives the mappings)");
        var options = new ModelRunOptions
        {
            Dataflow = request.Dataflow is null ? null : Dataflows.Get(request.Dataflow),
            Mapper = CommonOptions.Search(new MapperOptions
            {
                Objective = Objectives.Parse(request.Objective), SearchBypass = request.SearchBypass,
                Counting = request.Counting ?? Model.CountingRules.AccelSim,
                ImperfectFactors = request.Imperfect,
                SimulationCap = request.SimulationCap >= 0 ? request.SimulationCap // the simulated tie-break (docs/mapper.md)
                    : throw new InputException($"--simulation-cap: must not be negative, got {request.SimulationCap}"),
            }, request.Exhaustive, request.Fast),
            Batch = request.Batch,
            Replay = request.Mappings is null ? null : MappingReplay.Load(request.Mappings, arch),
            Densities = request.Densities is null ? null : Sparsity.LayerDensities.Load(request.Densities),
            Fixed = request.ScaleSim is null ? null : ScaleSimFixed(arch, request.ScaleSim),
        };
        string folder = request.OutDir ?? Path.Combine("results", $"{Slug(model.Name)}-{Slug(arch.Name)}");
        if (File.Exists(folder)) throw new InputException($"--out {folder}: is a file, not a folder");

        ModelRunResult? run = null;
        ProgressDisplay.Run(error, request.Quiet, $"mapping {model.Name} on {arch.Name}",
            report => run = ModelRunner.Run(model, arch, options, (done, total, name) => report(done, total, name)));
        var commandLine = request.CommandLine;
        var files = RunOutput.Render(run!, string.Join(" ", commandLine.Skip(1).Prepend("accelsim")), folder, area);
        RunOutput.Write(folder, files);
        RunTable.Print(console, run!);
        console.WriteLine(request.Fast
            ? $"search: --fast, the fast heuristic search ({MapperOptions.FastSpatialCandidates} best-utilized unrollings per layer, dominated tilings skipped; not proven optimal; without --fast the sound search, docs/mapper.md)"
            : "search: the sound search (every layer's mapping is the optimum of its declared space; docs/mapper.md)");
        if (options.Mapper.Counting != Model.CountingRules.AccelSim) console.WriteLine($"counting rules: {options.Mapper.Counting.Describe()} (docs/model.md)");
        console.MarkupLine($"results written to [bold]{Markup.Escape(folder)}[/]: {string.Join(", ", files.Keys.Order(StringComparer.Ordinal))}");
        return 0;
    }

    // SCALE-Sim's mapping for every layer; the dataflow and the arch's shape are checked before any layer runs.
    private static FixedMapping ScaleSimFixed(Accelerator arch, string dataflow)
    {
        var flow = ScaleSimMappings.Parse(dataflow, "--scalesim");
        ScaleSimMappings.CheckShape(arch);
        return new FixedMapping($"scalesim-{flow.ToString().ToLowerInvariant()}", problem => ScaleSimMappings.Write(problem, arch, flow));
    }

    private static string Slug(string name) => new(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());
}
