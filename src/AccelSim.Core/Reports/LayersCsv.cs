using System.Globalization;
using AccelSim.Pipeline;
using AccelSim.Plots;
using CsvHelper;

namespace AccelSim.Reports;

/// <summary>
/// layers.csv: one row per layer with layer, kind, macs, weights, cycles, stall_cycles, fill_drain_cycles, utilization, energy,
/// energy_per_mac, energy_unit, dram_bytes, then energy_&lt;level&gt; per storage level, energy_network, energy_mac,
/// energy_vector and the energy per tensor, fused_into (the MAC layer an element-wise activation is fused into),
/// spatial_utilization (MAC units the mapping keeps busy over all of them, stalls aside), seconds at the clock and
/// words_&lt;level&gt; (words moved at each level, for the per-level roofline), stall_sources (the stall cycles by "level/tensor" cause, <see cref="StallSources"/>), layer_class (<see cref="FigureLayerClass"/>: dense conv, pointwise, depthwise, grouped conv, FC, attention matmul,
/// element-wise/vector), then energy_background (the architecture's background power over the layer's cycles).
/// Column names never carry a unit: every energy is in the row's energy_unit (pJ for physical tables, xMAC, multiples of
/// one MAC's energy, for normalized ones), so the schema is the same whatever the table. cycles = compute + fill_drain_cycles
/// + stall_cycles. The level, network, MAC, vector and background columns add up to energy.
/// </summary>
public static class LayersCsv
{
    /// <summary>Column names for an architecture's levels.</summary>
    public static IReadOnlyList<string> Header(IEnumerable<string> levelNames) =>
    [
        "layer", "kind", "macs", "weights", "cycles", "stall_cycles", "fill_drain_cycles", "utilization", "energy", "energy_per_mac",
        "energy_unit", "dram_bytes",
        .. levelNames.Select(LevelColumn),
        "energy_network", "energy_mac", "energy_vector", "energy_weights", "energy_inputs", "energy_outputs",
        "fused_into", "spatial_utilization", "seconds", "layer_class", "stall_sources",
        .. levelNames.Select(WordsColumn),
        "energy_background",
    ];

    /// <summary>The column of the words moved at one level.</summary>
    public static string WordsColumn(string level) => $"words_{level.ToLowerInvariant().Replace(' ', '_')}";

    /// <summary>The column of one level's energy.</summary>
    public static string LevelColumn(string level) => $"energy_{level.ToLowerInvariant().Replace(' ', '_')}";

    /// <summary>The CSV text.</summary>
    public static string Write(ModelRunResult run)
    {
        double clock = run.Arch.ClockHz;
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(text, new CsvWriterOptions(), true);
        foreach (var h in Header(run.Arch.Levels.Select(l => l.Name))) csv.WriteField(h);
        csv.EndRecord();
        foreach (var l in run.Layers)
        {
            csv.WriteField(l.Layer);
            csv.WriteField(l.Kind.ToString().ToLowerInvariant());
            csv.WriteField(I(l.Macs));
            csv.WriteField(I(l.Weights));
            csv.WriteField(I(l.Cycles));
            csv.WriteField(I(l.StallCycles));
            csv.WriteField(I(l.FillDrainCycles));
            csv.WriteField(R(l.Utilization));
            csv.WriteField(R(l.Energy));
            csv.WriteField(R(l.EnergyPerMac));
            csv.WriteField(run.Arch.EnergyUnit);
            csv.WriteField(I(l.DramBytes));
            foreach (var e in l.LevelEnergy) csv.WriteField(R(e));
            csv.WriteField(R(l.NetworkEnergy));
            csv.WriteField(R(l.MacEnergy));
            csv.WriteField(R(l.VectorEnergy));
            foreach (var e in l.TensorEnergy) csv.WriteField(R(e));
            csv.WriteField(l.FusedInto ?? "");
            csv.WriteField(R(l.SpatialUtilization));
            csv.WriteField(R(l.Cycles / clock));
            csv.WriteField(FigureLayerClass.Of(l));
            csv.WriteField(StallSources.Format(l.StallSources));
            for (int i = 0; i < run.Arch.Levels.Count; i++) csv.WriteField(I(i < l.LevelWords.Count ? l.LevelWords[i] : 0));
            csv.WriteField(R(l.BackgroundEnergy));
            csv.EndRecord();
        }
        csv.Flush();
        return text.ToString();
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    // Round-trip formatting so a reader gets back exactly the value written.
    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
