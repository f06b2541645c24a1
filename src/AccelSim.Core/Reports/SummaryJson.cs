using System.Text.Json;
using System.Text.Json.Nodes;
using AccelSim.Pipeline;

namespace AccelSim.Reports;

/// <summary>summary.json: model and arch names, totals of the layer figures (every energy in <c>energy_unit</c>; no key carries a unit), seconds at the clock, inferences per second and per
/// joule, the energy unit, the tool version and the command line.</summary>
public static class SummaryJson
{
    /// <summary>The JSON text; with an ART (<c>run --art</c>), <c>area_um2</c>: each component's area over all its instances and the total.</summary>
    public static string Write(ModelRunResult run, string commandLine, Architecture.Timeloop.TimeloopArt? area = null)
    {
        var energyByLevel = new JsonObject();
        for (int i = 0; i < run.Arch.Levels.Count; i++) energyByLevel[run.Arch.Levels[i].Name] = run.LevelEnergy(i);
        energyByLevel["network"] = run.NetworkEnergy;
        energyByLevel["mac"] = run.MacEnergy;
        energyByLevel["vector"] = run.VectorEnergy;
        energyByLevel["background"] = run.BackgroundEnergy;
        bool picojoules = run.Arch.EnergyUnit == "pJ";
        var doc = new JsonObject
        {
            ["model"] = run.Model.Name,
            ["arch"] = run.Arch.Name,
            ["dataflow"] = run.Dataflow,
            ["batch"] = run.Batch,
            ["counting"] = run.Counting,
            ["layers"] = run.Layers.Count,
            ["macs"] = run.Macs,
            ["weights"] = run.Weights,
            ["cycles"] = run.Cycles,
            ["compute_cycles"] = run.ComputeCycles,
            ["stall_cycles"] = run.StallCycles,
            ["fill_drain_cycles"] = run.FillDrainCycles,
            ["utilization"] = run.Utilization,
            ["energy"] = run.Energy,
            ["energy_unit"] = run.Arch.EnergyUnit,
            ["energy_table"] = run.Arch.EnergyTable,
            ["energy_per_mac"] = run.Macs == 0 ? 0 : run.Energy / run.Macs,
            ["dram_bytes"] = run.DramBytes,
            ["energy_by_level"] = energyByLevel,
            ["clock_hz"] = run.Arch.ClockHz,
            ["peak_macs_per_cycle"] = run.Arch.PeakMacsPerCycle,
            ["dram_words_per_cycle"] = run.Arch.Levels[0].Storage.ReadBandwidth,
            ["level_words_per_cycle"] = LevelBandwidths(run.Arch),
            ["word_bits"] = run.Arch.Levels[0].Storage.WordBits,
            ["seconds"] = run.Seconds,
            ["inferences_per_second"] = run.Batch / run.Seconds,
            // Joules only exist for absolute (pJ) tables; a normalized table has no inferences per joule.
            ["inferences_per_joule"] = picojoules ? run.Batch / (run.Energy * 1e-12) : null,
            ["tool_version"] = typeof(SummaryJson).Assembly.GetName().Version?.ToString(3),
            ["command_line"] = commandLine,
        };
        if (area is not null) doc["area_um2"] = AreaByComponent(area);
        return FiniteJson.Clean(doc).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject AreaByComponent(Architecture.Timeloop.TimeloopArt area)
    {
        var result = new JsonObject();
        foreach (var e in area.Entries) result[e.Component] = e.TotalUm2;
        result["total"] = area.TotalUm2;
        return result;
    }

    // Each level's read plus write words per cycle over all its instances (the roof of the per-level roofline); null when
    // unbounded.
    private static JsonObject LevelBandwidths(Architecture.Accelerator arch)
    {
        var result = new JsonObject();
        double instances = 1;
        foreach (var level in arch.Levels)
        {
            double perInstance = level.Storage.ReadBandwidth + level.Storage.WriteBandwidth;
            result[level.Storage.Name] = double.IsFinite(perInstance) ? perInstance * instances : null;
            if (level.Fanout is { } fanout) instances *= fanout.Size;
        }
        return result;
    }
}
