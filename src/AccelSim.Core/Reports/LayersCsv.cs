using System.Globalization;
using AccelSim.Pipeline;
using CsvHelper;

namespace AccelSim.Reports;

/// <summary>
/// layers.csv: one row per layer with layer, kind, macs, weights, cycles, stall_cycles, utilization, energy_pj, pj_per_mac,
/// dram_bytes, then energy_&lt;level&gt;_pj per storage level, energy_network_pj, energy_mac_pj, energy_vector_pj and the
/// energy per tensor, fused_into (the MAC layer an element-wise activation is fused into), spatial_utilization (MAC units the mapping
/// keeps busy over all of them, stalls aside) and seconds at the clock. Energy columns are in the architecture's energy unit (pJ, or MACs for normalized tables; summary.json
/// names it). The level, network, MAC and vector columns add up to energy_pj.
/// </summary>
public static class LayersCsv
{
    /// <summary>Column names for an architecture's levels.</summary>
    public static IReadOnlyList<string> Header(IEnumerable<string> levelNames) =>
    [
        "layer", "kind", "macs", "weights", "cycles", "stall_cycles", "utilization", "energy_pj", "pj_per_mac", "dram_bytes",
        .. levelNames.Select(LevelColumn),
        "energy_network_pj", "energy_mac_pj", "energy_vector_pj", "energy_weights_pj", "energy_inputs_pj", "energy_outputs_pj",
        "fused_into", "spatial_utilization", "seconds",
    ];

    /// <summary>The column of one level's energy.</summary>
    public static string LevelColumn(string level) => $"energy_{level.ToLowerInvariant().Replace(' ', '_')}_pj";

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
            csv.WriteField(R(l.Utilization));
            csv.WriteField(R(l.Energy));
            csv.WriteField(R(l.EnergyPerMac));
            csv.WriteField(I(l.DramBytes));
            foreach (var e in l.LevelEnergy) csv.WriteField(R(e));
            csv.WriteField(R(l.NetworkEnergy));
            csv.WriteField(R(l.MacEnergy));
            csv.WriteField(R(l.VectorEnergy));
            foreach (var e in l.TensorEnergy) csv.WriteField(R(e));
            csv.WriteField(l.FusedInto ?? "");
            csv.WriteField(R(l.SpatialUtilization));
            csv.WriteField(R(l.Cycles / clock));
            csv.EndRecord();
        }
        csv.Flush();
        return text.ToString();
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    // Round-trip formatting so a reader gets back exactly the value written.
    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
