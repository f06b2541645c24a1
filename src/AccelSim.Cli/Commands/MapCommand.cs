using System.CommandLine;
using System.Globalization;
using AccelSim.Architecture;
using AccelSim.Architecture.Timeloop;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Mapping.ScaleSim;
using AccelSim.Mapping.Timeloop;
using AccelSim.Model;
using AccelSim.Reports;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Workloads;
using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>`accelsim map`: the best (or a given) mapping of one layer, as a loop nest with its access table and energy.</summary>
internal static class MapCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Zoo model name, workload YAML, ONNX file, or Timeloop problem file or folder", Required = true };
        var layer = new Option<string>("--layer") { Description = "Layer name (a conv, FC or matmul layer)", Required = true };
        var arch = new Option<string>("--arch") { Description = "Shipped config name or arch YAML file", DefaultValueFactory = _ => "eyeriss" };
        var dataflow = new Option<string?>("--dataflow") { Description = "ws, os, is, rs, nlr, rs-timeloop or a dataflow YAML file (default: the arch's first)" };
        var objective = new Option<string>("--objective") { Description = "energy, latency, edp or latency-sim (fewest simulated cycles; docs/mapper.md)", DefaultValueFactory = _ => "energy" };
        var mappingFile = new Option<string?>("--mapping") { Description = "Evaluate this mapping YAML instead of searching" };
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this file" };
        var save = new Option<string?>("--save") { Description = "Also write the mapping as YAML to this file (replay with --mapping)" };
        var samples = new Option<long>("--samples") { Description = "Random sampling with this many samples instead of the exhaustive search" };
        var seed = new Option<int>("--seed") { Description = "Seed for --samples", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch") { Description = "Batch size", DefaultValueFactory = _ => 1 };
        var trace = new Option<string?>("--trace") { Description = "Write the simulator's transfer trace (CSV: level, tensor, kind, words, start, end) to this file" };
        var traceRows = new Option<int>("--trace-rows") { Description = "Most rows the trace keeps", DefaultValueFactory = _ => 10_000 };
        var bypass = new Option<bool>("--search-bypass") { Description = "Also search which optional tensors (may_keep) the buffers keep or bypass" };
        var exhaustive = CommonOptions.Exhaustive();
        var fast = CommonOptions.Fast();
        var imperfect = new Option<bool>("--imperfect") { Description = "Also search imperfect spatial factors (fill an axis, leaving units of the last fold idle) and flattened axes where a dataflow allows them; those unrollings walk without the bound (docs/mapper.md)" };
        var imperfectTemporal = new Option<bool>("--imperfect-temporal") { Description = "With --imperfect (implied): also imperfect temporal factors at the level under DRAM; the whole search walks without the bound, so it is much slower (docs/mapper.md)" };
        var minUtilization = new Option<double>("--min-utilization") { Description = "Search only spatial unrollings using at least this fraction (0-1) of the MAC units (default 0: all)" };
        var simulationCap = new Option<int>("--simulation-cap") { Description = "Most mappings tied with the best (or latency-sim's candidates) the cycle-level simulator runs to pick the fastest; 0: analytical tie-break only", DefaultValueFactory = _ => MapperOptions.DefaultSimulationCap };
        var energyTable = CommonOptions.EnergyTable();
        var constraints = CommonOptions.Constraints();
        var counting = CommonOptions.Counting();
        var halo = CommonOptions.TimeloopHalo();
        var ert = CommonOptions.Ert();
        var saveTimeloop = new Option<string?>("--save-timeloop") { Description = "Also write the mapping in Timeloop's mapping format (Timeloop dims: its P/R are AccelSim's Q/S); refuses imperfect factors, and diagonal multicast the counts rely on unless --counting timeloop" };
        var art = new Option<string?>("--art") { Description = "Accelergy area reference table (timeloop-mapper.ART.yaml) for a Timeloop --arch: print each component's area (docs/timeloop.md)" };
        var scaleSim = new Option<string?>("--scalesim") { Description = "Evaluate SCALE-Sim v2's fixed mapping for its dataflow os, ws or is instead of searching (a one-array arch such as systolic-32x32; docs/validation.md)" };
        var command = new Command("map", "Find (or evaluate) the mapping of one layer and show its loop nest, accesses and energy")
        {
            model, layer, arch, dataflow, objective, mappingFile, json, save, samples, seed, batch, exhaustive, minUtilization, trace, traceRows, bypass, energyTable, saveTimeloop, constraints,
            counting, halo, ert, imperfect, imperfectTemporal, art, scaleSim, simulationCap, fast,
        };
        command.SetAction(parse =>
        {
            var console = ConsoleOutput.Over(parse.InvocationConfiguration.Output);
            var graph = OnnxUnknownOption.Load(parse, parse.GetValue(model)!);
            var accelerator = ArchitectureLibrary.Load(parse.GetValue(arch)!, parse.GetValue(energyTable), parse.GetValue(ert), parse.GetValue(constraints));
            var rules = CommonOptions.Rules(parse.GetValue(counting)!, parse.GetValue(halo));
            var areas = parse.GetValue(art) is { } artPath ? TimeloopArt.Load(artPath, accelerator) : null;
            var node = LayerSelection.MacLayer(graph, parse.GetValue(layer)!);
            int batchSize = parse.GetValue(batch);
            if (batchSize < 1) throw new InputException($"--batch: must be positive, got {batchSize}");
            if (parse.GetValue(samples) < 0) throw new InputException($"--samples: must not be negative, got {parse.GetValue(samples)}");
            var problem = CountRange.Checked($"--batch {batchSize}: layer '{node.Name}'", () => node.Problem!.WithBatchMultiplier(batchSize));

            MapperResult? search = null;
            LoopMapping mapping;
            Evaluation eval;
            if (parse.GetValue(mappingFile) is { } file)
            {
                mapping = MappingYaml.Load(file, accelerator, node.Name);
                // A mapping given with --dataflow must also satisfy that dataflow's constraints (the arch's always apply).
                if (parse.GetValue(dataflow) is { } named && MappingValidator.Check(problem, accelerator, mapping, Dataflows.Get(named)) is { Count: > 0 } broken)
                    throw new MappingException($"{file}: invalid mapping: {string.Join("; ", broken)}");
                // A Timeloop architecture's constraints (fixed factors, keep/bypass) hold for a given mapping too.
                if (ArchitectureLibrary.TimeloopPath(parse.GetValue(arch)!) is { } spec) TimeloopConstraintCheck.CheckFile(spec, accelerator, mapping);
                try { eval = AnalyticalModel.Evaluate(problem, accelerator, mapping, rules); }
                catch (MappingException e) { throw new MappingException($"{file}: {e.Message}"); }
            }
            else if (parse.GetValue(scaleSim) is { } scaleSimFlow)
            {
                mapping = ScaleSimMappings.Write(problem, accelerator, ScaleSimMappings.Parse(scaleSimFlow, "--scalesim"));
                try { eval = AnalyticalModel.Evaluate(problem, accelerator, mapping, rules); }
                catch (MappingException e) { throw new MappingException($"--scalesim {scaleSimFlow}: {e.Message}"); }
            }
            else
            {
                var flow = Dataflows.Get(parse.GetValue(dataflow) ?? accelerator.Dataflows.FirstOrDefault() ?? "rs");
                var options = new MapperOptions
                {
                    Objective = Objectives.Parse(parse.GetValue(objective)!),
                    RandomSamples = parse.GetValue(samples),
                    Seed = parse.GetValue(seed),
                    MinUtilization = Fraction(parse.GetValue(minUtilization)),
                    SearchBypass = parse.GetValue(bypass),
                    Counting = rules,
                    ImperfectFactors = parse.GetValue(imperfect) || parse.GetValue(imperfectTemporal),
                    ImperfectTemporal = parse.GetValue(imperfectTemporal),
                    SimulationCap = parse.GetValue(simulationCap) is >= 0 and var cap ? cap : throw new InputException($"--simulation-cap: must not be negative, got {parse.GetValue(simulationCap)}"),
                };
                options = CommonOptions.Search(options, parse.GetValue(exhaustive), parse.GetValue(fast));
                search = Mapper.Search(problem, accelerator, flow, options);
                mapping = search.Mapping;
                eval = search.Evaluation;
            }
            Print(console, node.Name, problem, accelerator, mapping, eval, search);
            if (areas is not null) PrintArea(console, areas);
            if (rules != CountingRules.AccelSim) console.WriteLine($"counting rules: {rules.Describe()} (docs/model.md)");
            var traceFile = parse.GetValue(trace);
            int rows = parse.GetValue(traceRows);
            if (rows < 1) throw new InputException($"--trace-rows: must be positive, got {rows}");
            var sim = CycleSimulator.Run(problem, accelerator, mapping, new SimulationOptions { Trace = traceFile is not null, MaxTraceRows = rows });
            SimulationReport.Print(console, sim);
            // Rendered before anything is written: a mapping with no Timeloop form must leave no partial output.
            string? timeloopText = parse.GetValue(saveTimeloop) is { } timeloopOut ? TimeloopMappingYaml.Write(accelerator, mapping, timeloopOut) : null;
            // So must a mapping with imperfect factors or whose counts rely on diagonal multicast (TimeloopExportCheck).
            if (parse.GetValue(saveTimeloop) is { } timeloopPath) TimeloopExportCheck.Check(timeloopPath, problem, accelerator, mapping, rules);
            if (parse.GetValue(json) is { } jsonPath) AtomicFile.WriteAllText(jsonPath, MappingJson.Write(node.Name, problem, mapping, eval, search, sim));
            if (traceFile is not null) AtomicFile.WriteAllText(traceFile, sim.TraceCsv());
            if (parse.GetValue(save) is { } savePath) AtomicFile.WriteAllText(savePath, MappingYaml.Write(accelerator, mapping, node.Name, problem));
            if (timeloopText is not null) AtomicFile.WriteAllText(parse.GetValue(saveTimeloop)!, timeloopText);
            return 0;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, string layer, ProblemShape problem, Accelerator arch, LoopMapping mapping, Evaluation eval, MapperResult? search)
    {
        string unit = arch.EnergyUnit;
        console.MarkupLine($"[bold]{Markup.Escape(layer)}[/]  {Markup.Escape(problem.ToString())}  on [bold]{Markup.Escape(arch.Name)}[/]" +
            (search is null ? "" : $"  dataflow [bold]{search.Dataflow}[/]"));
        console.WriteLine();
        console.WriteLine(LoopNestPrinter.Print(arch, mapping, problem));

        var table = new Table().Title("Accesses per level and tensor (all instances)")
            .AddColumns("level", "tensor", "reads", "fills", "updates", $"energy ({unit})");
        for (int i = 0; i < arch.Levels.Count; i++)
            foreach (var t in Tensors.All)
            {
                var c = eval.Counts.Get(i, t);
                if (c.Total == 0) continue;
                table.AddRow(arch.Levels[i].Name, Tensors.Key(t), N(c.Reads), N(c.Fills), N(c.Updates), E(eval.StorageEnergy[i, (int)t]));
            }
        console.Write(table);

        var energy = new Table().Title($"Energy breakdown ({unit})").AddColumns("component", "energy", "share");
        double total = eval.TotalEnergy;
        for (int i = 0; i < arch.Levels.Count; i++)
        {
            energy.AddRow(arch.Levels[i].Name, E(eval.LevelEnergy(i)), P(eval.LevelEnergy(i) / total));
            if (eval.NetworkEnergy[i] > 0) energy.AddRow($"{arch.Levels[i].Name} network", E(eval.NetworkEnergy[i]), P(eval.NetworkEnergy[i] / total));
        }
        energy.AddRow("MAC", E(eval.MacEnergy), P(eval.MacEnergy / total));
        energy.AddRow("[bold]total[/]", $"[bold]{E(total)}[/]", "100%");
        console.Write(energy);

        console.WriteLine($"MACs {N(eval.Counts.Macs)}   energy {HumanUnits.Energy(total, unit)} ({HumanUnits.PerMac(eval.EnergyPerMac, unit)})   " +
            $"analytical cycles {N(eval.Cycles)} (compute {N(eval.ComputeCycles)}; `run` reports the simulated cycles below)   " +
            $"utilization {P(eval.Utilization)} (spatial {P(eval.SpatialUtilization)})");
        if (search is not null)
        {
            var s = search.Stats;
            console.WriteLine($"lower bound {E(search.LowerBoundEnergy)} {unit} (found is {total / search.LowerBoundEnergy:F2}x)   " +
                $"search ({SearchKind(s)}): space of {s.SpatialCandidates} spatial unrollings and {s.TilingSpace:G3} tilings; searched {s.SpatialSearched} unrollings" +
                (s.MirrorTwins > 0 ? $" ({N(s.MirrorTwins)} more mirror a searched one: they count alike, not walked)" : "") + $", {N(s.Factorizations)} tilings, {N(s.CapacityPruned)} pruned by capacity, {N(s.BoundPruned)} pruned by the bound" +
                (s.UnrollingsCut > 0 ? $" ({N(s.UnrollingsCut)} of them whole unrollings)" : "") + ", " +
                (s.TiesCut > 0 && s.Simulation is null ? $"{N(s.TiesCut)} tied branches cut (they cannot change the tie-break), " : "") +
                (s.MovedInward > 0 ? $"{N(s.MovedInward)} dominated by the inward move, " : "") +
                (s.MinUtilization > 0 ? $"{N(s.SpatialBelowMinUtilization)} unrollings below --min-utilization {P(s.MinUtilization)} not searched, " : "") +
                $"{N(s.Evaluations)} mappings evaluated in {s.Elapsed.TotalSeconds:F2} s ({s.EvaluationsPerSecond / 1e6:F2} M/s)");
            if (s.Simulation is { } pick) console.WriteLine(PickLine(pick, s.TiesCut));
        }
    }

    // Which search ran: the sound one returns the optimum of the declared space; the others say what they leave out.
    private static string SearchKind(SearchStats s) =>
        s.Sound ? "sound: the optimum of the declared space"
        : s.Sampled ? "random sampling: not proven optimal"
        : (s.DominatedSkip ? "fast, heuristic: " : "heuristic: ") + string.Join(", ", new[]
        {
            s.SpatialCapped > 0 ? $"{N(s.SpatialCapped)} unrollings left out by a cap (only the {N(s.SpatialSearched)} best-utilized searched)" : null,
            s.DominatedSkip ? "dominated tilings skipped" : null,
        }.OfType<string>()) + "; not proven optimal";

    // The simulated pick's statistics (docs/mapper.md, "Simulated cycles").
    private static string PickLine(SimulatedPickStats p, long tiesCut) =>
        (p.Window is { } w ? $"latency-sim: {N(p.Candidates)} mappings within {N(w)} analytical cycles" : $"simulated tie-break: {N(p.Candidates)} mappings tied with the best") +
        $"; {N(p.Simulated)} simulated, {N(p.Skipped)} skipped (their bound reaches the best simulated), {N(p.Capped)} left out by --simulation-cap" +
        (tiesCut > 0 ? $", {N(tiesCut)} tied branches cut unwalked (none could be kept)" : "") +
        (p.TooLong > 0 ? $", {N(p.TooLong)} too long to simulate" : "") +
        (p.WinnerCycles > 0 ? $"; pick: {N(p.WinnerCycles)} simulated cycles" + (p.Proven ? " (the fewest of them)" : " (not proven the fewest: some were not simulated)") : "; none simulated: the analytical tie-break decides");

    private static void PrintArea(IAnsiConsole console, TimeloopArt areas)
    {
        var table = new Table().Title("Area (ART, um^2)").AddColumns("component", "per instance", "instances", "total");
        foreach (var e in areas.Entries)
            table.AddRow(Markup.Escape(e.Component) + (e.IsLevel ? "" : " (not a level)"), A(e.AreaPerInstanceUm2), N(e.Instances), A(e.TotalUm2));
        table.AddRow("[bold]total[/]", "", "", $"[bold]{A(areas.TotalUm2)}[/]");
        console.Write(table);
    }

    private static string A(double um2) => um2.ToString("N2", CultureInfo.InvariantCulture);

    private static double Fraction(double floor) => floor is >= 0 and <= 1 ? floor
        : throw new InputException($"--min-utilization: {floor.ToString(CultureInfo.InvariantCulture)} is not a fraction between 0 and 1");

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string E(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
    private static string P(double v) => v.ToString("P1", CultureInfo.InvariantCulture);
}
