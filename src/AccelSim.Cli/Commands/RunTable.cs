using System.Globalization;
using AccelSim.Pipeline;
using AccelSim.Reports;
using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>The run's console table: per layer MACs, energy, cycles, utilization and each layer's share of the model's MACs,
/// energy and latency, so layers that cost more than their MACs suggest stand out; then the totals.</summary>
internal static class RunTable
{
    public static void Print(IAnsiConsole console, ModelRunResult run)
    {
        string unit = run.Arch.EnergyUnit;
        var table = new Table().Title($"{Markup.Escape(run.Model.Name)} on {Markup.Escape(run.Arch.Name)} ({run.Dataflow}, batch {run.Batch})")
            .AddColumns("layer", "kind", "MACs", $"energy ({Markup.Escape(unit)})", "cycles", "util", "% MACs", "% energy", "% latency", "energy/MAC");
        foreach (var col in table.Columns.Skip(2)) col.RightAligned();
        double macs = Math.Max(1, run.Macs), energy = run.Energy, cycles = Math.Max(1, run.Cycles);
        foreach (var l in run.Layers)
        {
            double shareMacs = l.Macs / macs, shareEnergy = l.Energy / energy, shareLatency = l.Cycles / cycles;
            // A layer whose energy or latency share is over twice its MAC share is highlighted: its cost is not its MACs.
            string Flag(double share) => share > 2 * shareMacs && share > 0.01 ? $"[yellow]{P(share)}[/]" : P(share);
            table.AddRow(Markup.Escape(l.Layer), l.FusedInto is null ? l.Kind.ToString().ToLowerInvariant() : "fused activation", N(l.Macs), G(l.Energy), N(l.Cycles),
                l.Macs > 0 ? P(l.Utilization) : "-", P(shareMacs), Flag(shareEnergy), Flag(shareLatency), l.Macs > 0 ? l.EnergyPerMac.ToString("F2", CultureInfo.InvariantCulture) : "-");
        }
        table.AddRow("[bold]total[/]", "", N(run.Macs), G(energy), N(run.Cycles), P(run.Utilization), "100%", "100%", "100%",
            (energy / macs).ToString("F2", CultureInfo.InvariantCulture));
        console.Write(table);
        string fillDrain = run.FillDrainCycles > 0 ? $", systolic fill/drain {P((double)run.FillDrainCycles / cycles)}" : "";
        console.WriteLine($"{HumanUnits.Energy(energy / run.Batch, unit)} and {HumanUnits.Time(run.Seconds / run.Batch)} per inference " +
            $"({HumanUnits.PerMac(energy / macs, unit)}, {run.Arch.EnergyTable}); {HumanUnits.Time(run.Seconds)} per batch of {run.Batch} at " +
            $"{run.Arch.ClockHz / 1e6:F0} MHz, {run.Batch / run.Seconds:F1} inferences/s, {run.DramBytes / 1e6:F2} MB DRAM traffic, " +
            $"stalls {P((double)run.StallCycles / cycles)} of cycles{fillDrain} (cycles are the cycle-level simulator's)");
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
    private static string P(double v) => v.ToString("P1", CultureInfo.InvariantCulture);
}
