using System.Globalization;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Pipeline;
using AccelSim.Plots;
using AccelSim.Plots.Figures;
using AccelSim.Sweeps;
using AccelSim.Workloads;

namespace AccelSim.Comparisons;

/// <summary>
/// Models side by side on one architecture: each whole model run (in parallel, one model per core), then compare.csv and
/// scatters of MACs against energy and latency, which show how poorly MACs predict either.
/// </summary>
public static class ModelComparison
{
    /// <summary>Runs every model; results in the order given.</summary>
    public static IReadOnlyList<ModelRunResult> Run(IReadOnlyList<ModelGraph> models, Accelerator arch, ModelRunOptions options, Action<int, int>? progress = null)
    {
        var results = new ModelRunResult[models.Count];
        var single = options with { Mapper = options.Mapper with { Threads = 1 } };
        int done = 0;
        try
        {
            Parallel.For(0, models.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                results[i] = ModelRunner.Run(models[i], arch, single);
                progress?.Invoke(Interlocked.Increment(ref done), models.Count);
            });
        }
        catch (AggregateException e) { ParallelErrors.Rethrow(e); }
        return results;
    }

    /// <summary>compare.csv: model, macs, weights, energy, cycles, stall_cycles, fill_drain_cycles, milliseconds, utilization,
    /// energy_per_mac, energy_unit, dram_bytes (energies in the row's energy_unit).</summary>
    public static string Csv(IReadOnlyList<ModelRunResult> runs)
    {
        var text = new System.Text.StringBuilder(SweepCsv.Line(["model", "macs", "weights", "energy", "cycles", "stall_cycles", "fill_drain_cycles",
            "milliseconds", "utilization", "energy_per_mac", "energy_unit", "dram_bytes"]));
        foreach (var r in runs)
            text.Append(SweepCsv.Line([r.Model.Name, I(r.Macs), I(r.Weights), R(r.Energy), I(r.Cycles), I(r.StallCycles), I(r.FillDrainCycles),
                R(r.Seconds * 1e3), R(r.Utilization), R(r.Macs == 0 ? 0 : r.Energy / r.Macs), r.Arch.EnergyUnit, I(r.DramBytes)]));
        return text.ToString();
    }

    /// <summary>macs-vs-energy and macs-vs-latency, one point (and legend entry) per model.</summary>
    public static IReadOnlyList<Figure> Figures(IReadOnlyList<ModelRunResult> runs)
    {
        string arch = runs.Count > 0 ? runs[0].Arch.Name : "", unit = runs.Count > 0 ? runs[0].Arch.EnergyUnit : "";
        ScatterChartSpec Chart(string title, AxisSpec y, Func<ModelRunResult, double> value, string slopeUnit)
        {
            var series = runs.Select(r => new PointSeries(r.Model.Name, [new ChartPoint(r.Macs, value(r), r.Model.Name)])).ToArray();
            double k = runs.Sum(value) / Math.Max(1, runs.Sum(r => (double)r.Macs));
            return new ScatterChartSpec(title, new AxisSpec("MACs", null, AxisScale.Log), y, series,
                k > 0 && double.IsFinite(k) ? new ProportionalityLine(k, $"proportional to MACs (average {k:G3} {slopeUnit})") : null);
        }
        return
        [
            Figure.Draw("macs-vs-energy", Chart($"MACs against energy per model on {arch}", new AxisSpec("energy", unit, AxisScale.Log), r => r.Energy, $"{unit}/MAC")),
            Figure.Draw("macs-vs-latency", Chart($"MACs against latency per model on {arch}", new AxisSpec("latency", "ms", AxisScale.Log), r => r.Seconds * 1e3, "ms/MAC")),
        ];
    }

    /// <summary>The comparison in words: energy and latency per inference of each model, and where MACs mispredict most.</summary>
    public static IReadOnlyList<string> Headline(IReadOnlyList<ModelRunResult> runs)
    {
        if (runs.Count == 0) return [];
        string unit = runs[0].Arch.EnergyUnit;
        var sentences = new List<string> { $"{runs.Count} models on {runs[0].Arch.Name}, side by side." };
        foreach (var r in runs)
            sentences.Add($"{r.Model.Name}: {Reports.HumanUnits.Digits(r.Macs / 1e9)} GMACs, {Reports.HumanUnits.Energy(r.Energy / Math.Max(1, r.Batch), unit)} and "
                + $"{Reports.HumanUnits.Time(r.Seconds / Math.Max(1, r.Batch))} per inference, {Reports.HumanUnits.PerMac(r.Macs == 0 ? 0 : r.Energy / r.Macs, unit)}, "
                + $"{Reports.HumanUnits.Digits(100 * r.Utilization)} % utilization.");
        if (runs.Count > 1)
        {
            var dear = runs.Where(r => r.Macs > 0).MaxBy(r => r.Energy / r.Macs);
            var cheap = runs.Where(r => r.Macs > 0).MinBy(r => r.Energy / r.Macs);
            if (dear is not null && cheap is not null && dear != cheap)
                sentences.Add($"Per MAC, {dear.Model.Name} costs {dear.Energy / dear.Macs / (cheap.Energy / cheap.Macs):G3}x the energy of {cheap.Model.Name}, which a MAC count alone cannot show.");
        }
        return sentences;
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
