using System.Globalization;
using AccelSim.Plots;
using AccelSim.Plots.Figures;

namespace AccelSim.Reports;

/// <summary>
/// Draws a run's plots and report.html from its results files (layers.csv, summary.json, mappings.yaml). `accelsim run`
/// calls it on the files it writes and `accelsim plot DIR` on a folder, so both give the same figures.
/// </summary>
public static class RunReport
{
    /// <summary>Each figure's SVG, PNG and CSV, and report.html, by file name.</summary>
    public static Dictionary<string, byte[]> Render(RunFolder folder)
    {
        var roofline = new RooflineData(folder.SummaryNumber("peak_macs_per_cycle", 1), folder.SummaryNumber("dram_words_per_cycle", 1))
        {
            Levels = LevelBandwidths(folder),
        };
        var layers = FigureData(folder, roofline.Levels);
        string unit = folder.SummaryText("energy_unit") is { Length: > 0 } u ? u : "pJ";
        var figures = ModelFigures.All(layers, roofline, new FigureOptions(folder.SummaryText("model"), unit));
        var files = ModelFigures.Files(figures);
        files[HtmlReport.FileName] = Figure.Utf8(HtmlReport.Render(Content(folder, layers, figures, unit)));
        return files;
    }

    private static List<LayerFigureData> FigureData(RunFolder folder, IReadOnlyList<(string Level, double WordsPerCycle)> levels)
    {
        var levelColumns = folder.Header.Where(h => h.StartsWith("energy_", StringComparison.Ordinal)
            && h is not ("energy_per_mac" or "energy_unit" or "energy_weights" or "energy_inputs" or "energy_outputs")).ToList();
        double wordBytes = folder.SummaryNumber("word_bits", 16) / 8;
        double Optional(IReadOnlyDictionary<string, string> row, string column) => folder.Header.Contains(column) ? folder.Number(row, column) : 0;
        var words = levels.Select(l => (l.Level, Column: LayersCsv.WordsColumn(l.Level))).Where(w => folder.Header.Contains(w.Column)).ToList();
        return folder.Rows.Select(row =>
        {
            var byLevel = levelColumns.ToDictionary(c => Pretty(c), c => folder.Number(row, c));
            var byTensor = new[] { "weights", "inputs", "outputs" }
                .Where(t => row.ContainsKey($"energy_{t}")).ToDictionary(t => t, t => folder.Number(row, $"energy_{t}"));
            double macs = folder.Number(row, "macs"), cycles = folder.Number(row, "cycles");
            double dramWords = folder.Number(row, "dram_bytes") / wordBytes;
            string kind = row["kind"];
            return new LayerFigureData(row["layer"], kind, (long)macs, folder.Number(row, "energy"), (long)cycles,
                folder.Number(row, "utilization"), byLevel, byTensor,
                dramWords > 0 ? macs / dramWords : 0, cycles > 0 ? macs / cycles : 0)
            {
                // Folders written before layer_class existed get the class their kind implies.
                Class = row.GetValueOrDefault("layer_class") is { Length: > 0 } c ? c : FigureLayerClass.FromKind(kind, macs),
                StallCycles = (long)Optional(row, "stall_cycles"),
                WordsByLevel = words.Where(w => row.ContainsKey(w.Column)).ToDictionary(w => w.Level, w => folder.Number(row, w.Column)),
                StallSources = row.GetValueOrDefault("stall_sources") is { Length: > 0 } s && Pipeline.StallSources.Parse(s) is { } sources ? sources : [],
                FillDrainCycles = (long)Optional(row, "fill_drain_cycles"),
                FusedInto = row.GetValueOrDefault("fused_into") is { Length: > 0 } f ? f : null,
            };
        }).ToList();
    }

    // The bounded levels' aggregate words per cycle from summary.json (absent in folders written before it).
    private static List<(string Level, double WordsPerCycle)> LevelBandwidths(RunFolder folder) =>
        folder.Summary.ValueKind == System.Text.Json.JsonValueKind.Object
        && folder.Summary.TryGetProperty("level_words_per_cycle", out var levels) && levels.ValueKind == System.Text.Json.JsonValueKind.Object
            ? levels.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Number && p.Value.GetDouble() > 0)
                .Select(p => (p.Name, p.Value.GetDouble())).ToList()
            : [];

    // "energy_globalbuffer" → "globalbuffer"; MAC, network and vector keep readable names.
    private static string Pretty(string column) => column["energy_".Length..] switch
    {
        "mac" => "MAC",
        var other => other,
    };

    private static ReportContent Content(RunFolder folder, IReadOnlyList<LayerFigureData> layers, IReadOnlyList<Figure> figures, string unit)
    {
        var summary = ReportSummary.Lines(folder, unit);
        string[] columns = ["layer", "layer_class", "kind", "fused_into", "macs", "weights", "cycles", "stall_cycles", "fill_drain_cycles", "utilization", "energy", "energy_per_mac", "dram_bytes"];
        columns = columns.Where(c => folder.Header.Contains(c)).ToArray();
        var rows = folder.Rows.Select(r => (IReadOnlyList<string>)columns.Select(c => Format(r.GetValueOrDefault(c, ""))).ToList()).ToList();
        var headers = columns.Select(c => c switch
        {
            "energy" => $"energy ({unit})",
            "energy_per_mac" => $"{unit}/MAC",
            _ => c.Replace('_', ' '),
        }).ToList();
        var mappings = SplitMappings(folder.MappingsYaml);
        return new ReportContent($"{folder.SummaryText("model")} on {folder.SummaryText("arch")}", summary, new ReportTable(headers, rows), figures, mappings)
        {
            Headline = ReportHeadline.Sentences(folder, layers, unit),
            Architecture = ArchitectureLines(folder),
            Command = folder.SummaryText("command_line"),
        };
    }

    // The architecture as summary.json records it: the numbers the figures' roofs and ideal cycles come from.
    private static List<KeyValuePair<string, string>> ArchitectureLines(RunFolder folder)
    {
        var lines = new List<KeyValuePair<string, string>>();
        void Add(string key, string value) { if (value.Length > 0) lines.Add(new(key, value)); }
        Add("name", folder.SummaryText("arch"));
        Add("dataflow", folder.SummaryText("dataflow"));
        Add("MAC units (peak MACs per cycle)", folder.SummaryText("peak_macs_per_cycle"));
        Add("clock", folder.SummaryNumber("clock_hz") is > 0 and var hz ? $"{HumanUnits.Digits(hz / 1e6)} MHz" : "");
        Add("DRAM bandwidth", folder.SummaryText("dram_words_per_cycle") is { Length: > 0 } bw ? $"{bw} words/cycle" : "");
        Add("word size", folder.SummaryText("word_bits") is { Length: > 0 } bits ? $"{bits} bits" : "");
        Add("energy table", folder.SummaryText("energy_table"));
        if (folder.Summary.ValueKind == System.Text.Json.JsonValueKind.Object && folder.Summary.TryGetProperty("energy_by_level", out var levels)
            && levels.ValueKind == System.Text.Json.JsonValueKind.Object)
            Add("levels (outermost first)", string.Join(", ", levels.EnumerateObject().Select(p => p.Name).Where(n => n is not ("network" or "mac" or "vector"))));
        return lines;
    }

    private static string Format(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && cell.Contains('.')
            ? v.ToString("G5", CultureInfo.InvariantCulture) : cell;

    // One block per "- layer:" entry of mappings.yaml, shown as written (it is the replayable form).
    private static List<LayerMappingText> SplitMappings(string? yaml)
    {
        var result = new List<LayerMappingText>();
        if (yaml is null) return result;
        string? current = null;
        var text = new System.Text.StringBuilder();
        foreach (var line in yaml.Split('\n'))
        {
            if (line.StartsWith("  - layer: ", StringComparison.Ordinal))
            {
                if (current is not null) result.Add(new LayerMappingText(current, text.ToString()));
                current = line["  - layer: ".Length..].Trim().Trim('"');
                text.Clear();
            }
            if (current is not null) text.AppendLine(line);
        }
        if (current is not null) result.Add(new LayerMappingText(current, text.ToString()));
        return result;
    }
}
