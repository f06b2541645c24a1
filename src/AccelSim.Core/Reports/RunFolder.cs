using System.Globalization;
using System.Text.Json;
using AccelSim.Common;
using CsvHelper;

namespace AccelSim.Reports;

/// <summary>
/// A results folder read back: the rows of layers.csv (by column name), summary.json and mappings.yaml's text, so plots and
/// the report can be redrawn without re-simulating. Missing or malformed files are one clear error naming the file.
/// </summary>
public sealed class RunFolder
{
    private RunFolder(string directory, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, JsonElement summary, string? mappings)
    {
        Directory = directory; Header = header; Rows = rows; Summary = summary; MappingsYaml = mappings;
    }

    public string Directory { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }
    public JsonElement Summary { get; }
    public string? MappingsYaml { get; }

    /// <summary>Reads a folder written by `accelsim run`.</summary>
    public static RunFolder Load(string directory)
    {
        FolderSwap.Recover(directory);
        if (!System.IO.Directory.Exists(directory)) throw new InputException($"{directory}: no such results folder");
        string csvPath = Path.Combine(directory, "layers.csv"), jsonPath = Path.Combine(directory, "summary.json");
        if (!File.Exists(csvPath)) throw new InputException($"{csvPath}: missing (is {directory} a folder written by 'accelsim run'?)");
        if (!File.Exists(jsonPath)) throw new InputException($"{jsonPath}: missing (is {directory} a folder written by 'accelsim run'?)");
        var mappingsPath = Path.Combine(directory, "mappings.yaml");
        return FromText(directory, Read(csvPath), Read(jsonPath), File.Exists(mappingsPath) ? Read(mappingsPath) : null);
    }

    /// <summary>Parses the files' text (used by `run` on what it is about to write, so both paths draw from the same data).</summary>
    public static RunFolder FromText(string directory, string layersCsv, string summaryJson, string? mappingsYaml)
    {
        var rows = new List<IReadOnlyDictionary<string, string>>();
        string[] header;
        try
        {
            using var csv = CsvReader.FromText(layersCsv, new CsvReaderOptions());
            header = csv.Headers.Select(LegacyColumns.Current).ToArray();
            if (header.Length == 0) throw new InputException($"{Path.Combine(directory, "layers.csv")}: empty");
            foreach (var required in new[] { "layer", "kind", "macs", "cycles", "utilization", "energy", "dram_bytes" })
                if (!header.Contains(required)) throw new InputException($"{Path.Combine(directory, "layers.csv")}: column '{required}' is missing");
            while (csv.Read())
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (int i = 0; i < header.Length; i++) row[header[i]] = i < csv.FieldCount ? csv.GetString(i) : "";
                rows.Add(row);
            }
        }
        catch (Exception e) when (e is not InputException)
        {
            // An unbalanced quote or a broken row: say where, not the rest of the file.
            throw new InputException($"{Path.Combine(directory, "layers.csv")}: malformed CSV after {rows.Count} rows (an unbalanced quote?)");
        }
        JsonElement summary;
        try { summary = JsonDocument.Parse(summaryJson).RootElement.Clone(); }
        catch (JsonException e) { throw new InputException($"{Path.Combine(directory, "summary.json")}: malformed JSON: {e.Message}"); }
        if (summary.ValueKind != JsonValueKind.Object)
            throw new InputException($"{Path.Combine(directory, "summary.json")}: (top level): expected a JSON object, got {summary.ValueKind.ToString().ToLowerInvariant()}");
        return new RunFolder(directory, header, rows, summary, mappingsYaml);
    }

    // A cell swallowed by an unbalanced quote holds the rest of the file: show its start, on one line.
    private static string Excerpt(string text)
    {
        string line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= 40 ? line : line[..40] + "...";
    }

    private static string Read(string path)
    {
        if (System.IO.Directory.Exists(path)) throw new InputException($"{path}: is a folder, expected a file");
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new InputException($"{path}: cannot read: {e.Message}"); }
    }

    /// <summary>A numeric cell; malformed numbers are an error naming the file, row and column.</summary>
    public double Number(IReadOnlyDictionary<string, string> row, string column)
    {
        if (row.TryGetValue(column, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        throw new InputException($"{Path.Combine(Directory, "layers.csv")}: layer '{Excerpt(row.GetValueOrDefault("layer") ?? "")}': column '{column}' is not a number ('{Excerpt(row.GetValueOrDefault(column) ?? "")}')");
    }

    /// <summary>A summary field as text, or "" when absent (keys of folders written before the unit-free schema are found too).</summary>
    public string SummaryText(string key)
    {
        if (!TryGet(key, out var v)) return "";
        return key == "energy_unit" ? LegacyColumns.CurrentUnit(v.ToString()) : v.ToString();
    }

    private bool TryGet(string key, out JsonElement value)
    {
        value = default;
        if (Summary.ValueKind != JsonValueKind.Object) return false;
        return Summary.TryGetProperty(key, out value) || (LegacyColumns.Former(key) is { } old && Summary.TryGetProperty(old, out value));
    }

    /// <summary>A numeric summary field, or <paramref name="fallback"/>.</summary>
    public double SummaryNumber(string key, double fallback = 0) =>
        TryGet(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : fallback;
}
