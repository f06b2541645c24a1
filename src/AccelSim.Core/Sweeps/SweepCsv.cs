using System.Globalization;
using AccelSim.Pipeline;
using CsvHelper;

namespace AccelSim.Sweeps;

/// <summary>
/// sweep.csv: one row per point (swept values and model) with the point's index, its array as rows x columns, whether it is the
/// architecture as shipped (every swept parameter at the file's value), the PE count, totals (MACs, weights, energy,
/// cycles, stall cycles, fill/drain cycles, utilization, energy per inference, inferences per second, energy-delay product, DRAM
/// bytes) and per layer class (<see cref="LayerClass"/>) MACs, cycles, stall cycles and energy. Names carry no unit: energies
/// are in the row's energy_unit column (pJ, or xMAC for normalized tables), EDP is energy × seconds per batch (energy_unit·s).
/// </summary>
public static class SweepCsv
{
    /// <summary>The columns for a sweep over <paramref name="keys"/>.</summary>
    public static IReadOnlyList<string> Header(IEnumerable<string> keys) =>
    [
        "point", .. keys, "model", "pe_array", "shipped", "mac_units", "macs", "weights", "energy", "cycles", "stall_cycles", "fill_drain_cycles", "utilization",
        "energy_per_inference", "inferences_per_second", "edp", "energy_unit", "dram_bytes",
        .. LayerClass.All.SelectMany(c => new[] { $"{c}_macs", $"{c}_cycles", $"{c}_stall_cycles", $"{c}_energy" }),
    ];

    /// <summary>The header line, newline included.</summary>
    public static string HeaderLine(IEnumerable<string> keys) => Line(Header(keys));

    /// <summary>One point's row, newline included; <paramref name="shipped"/> marks the point that is the architecture as shipped.</summary>
    public static string Row(SweepPoint point, ModelRunResult run, bool shipped)
    {
        var cells = new List<string> { I(point.Index) };
        cells.AddRange(point.Values.Select(v => v.Text));
        cells.Add(point.Model);
        cells.Add(ArchVariants.ArrayText(run.Arch));
        cells.Add(shipped ? "yes" : "no");
        double seconds = run.Seconds;
        cells.AddRange([I(run.Arch.MacUnits), I(run.Macs), I(run.Weights), R(run.Energy), I(run.Cycles), I(run.StallCycles), I(run.FillDrainCycles),
            R(run.Utilization), R(run.Energy / run.Batch), R(seconds > 0 ? run.Batch / seconds : 0), R(run.Energy * seconds), run.Arch.EnergyUnit,
            I(run.DramBytes)]);
        foreach (var cls in LayerClass.All)
        {
            var layers = run.Layers.Where(l => LayerClass.Of(l) == cls).ToList();
            cells.AddRange([I(layers.Sum(l => l.Macs)), I(layers.Sum(l => l.Cycles)), I(layers.Sum(l => l.StallCycles)), R(layers.Sum(l => l.Energy))]);
        }
        return Line(cells);
    }

    /// <summary>Cells as one CSV line (quoted where needed), newline included.</summary>
    public static string Line(IEnumerable<string> cells)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions(), true))
        {
            foreach (var c in cells) csv.WriteField(c);
            csv.EndRecord();
            csv.Flush();
        }
        return text.ToString();
    }

    /// <summary>The header and rows of a CSV text (cells as strings); rows with the wrong number of cells are dropped.</summary>
    public static (string[] Header, List<string[]> Rows) Parse(string text)
    {
        using var csv = CsvReader.FromText(text, new CsvReaderOptions());
        var header = csv.Headers.ToArray();
        var rows = new List<string[]>();
        while (csv.Read())
        {
            if (csv.FieldCount != header.Length) continue;
            rows.Add(Enumerable.Range(0, header.Length).Select(csv.GetString).ToArray());
        }
        return (header, rows);
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    // Round-trip formatting: a resumed sweep writes exactly the text an uninterrupted one does.
    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
