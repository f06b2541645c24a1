using System.Globalization;
using AccelSim.Simulation;
using Spectre.Console;

namespace AccelSim.Cli.Commands;

/// <summary>The cycle-level simulator's view of one layer: cycles, stalls by level and tensor, and each level's port timeline.</summary>
internal static class SimulationReport
{
    public static void Print(IAnsiConsole console, SimulationResult sim)
    {
        console.WriteLine($"simulated: {N(sim.TotalCycles)} cycles = {N(sim.ComputeCycles)} compute + {N(sim.PipelineCycles)} systolic fill/drain + {sim.StallCycles.ToString("N0", CultureInfo.InvariantCulture)} stalls");
        var stalls = sim.Stalls.Where(s => s.Cycles > 0).OrderByDescending(s => s.Cycles).ToList();
        var table = new Table().Title("Simulated timeline per level (per instance) and the stalls each caused")
            .AddColumns("level", "read busy", "write busy", "idle", "bandwidth use", "stalls caused");
        foreach (var level in sim.Levels)
        {
            var caused = stalls.Where(s => s.Level == level.Level).Select(s => $"{s.Tensor.ToString().ToLowerInvariant()} {s.Cycles.ToString("N0", CultureInfo.InvariantCulture)}");
            table.AddRow(Markup.Escape(level.Level), D(level.ReadBusyCycles), D(level.WriteBusyCycles), D(level.IdleCycles),
                level.Utilization.ToString("P1", CultureInfo.InvariantCulture), string.Join(", ", caused) is { Length: > 0 } text ? text : "-");
        }
        console.Write(table);
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string D(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
}
