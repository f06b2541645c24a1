using System.Globalization;
using System.Text;
using AccelSim.Common;

namespace AccelSim.Sweeps;

/// <summary>What a merge produced: the sweep.csv text, its manifest, and the point indexes no shard had.</summary>
public sealed record SweepMergeResult(string Csv, SweepManifest Manifest, IReadOnlyList<int> Missing);

/// <summary>
/// Joins shard folders into one sweep: every folder's sweep.json must describe the same sweep; rows are taken by point index
/// (first folder wins on a duplicate) and written in point order, so the result equals an unsharded run's sweep.csv.
/// </summary>
public static class SweepMerge
{
    /// <summary>Merges <paramref name="folders"/>.</summary>
    public static SweepMergeResult Merge(IReadOnlyList<string> folders)
    {
        if (folders.Count == 0) throw new InputException("merge: give at least one shard folder");
        SweepManifest? first = null;
        string? header = null;
        var rows = new SortedDictionary<int, string>();
        foreach (var folder in folders)
        {
            string manifestPath = Path.Combine(folder, SweepRunner.ManifestName), csvPath = Path.Combine(folder, SweepRunner.CsvName);
            if (!File.Exists(manifestPath) || !File.Exists(csvPath)) throw new InputException($"{folder}: not a sweep folder (no {SweepRunner.ManifestName} and {SweepRunner.CsvName})");
            var manifest = SweepManifest.Read(manifestPath);
            if (first is null) first = manifest;
            else if (manifest.Identity != first.Identity) throw new InputException($"{folder}: belongs to a different sweep than {folders[0]}");
            string text = File.ReadAllText(csvPath);
            if (text.Count(c => c == '"') % 2 != 0) throw new InputException($"{csvPath}: malformed CSV (an unbalanced quote)");
            // Rows are re-rendered, so shards saved with other line endings still merge into the canonical text.
            var (cols, parsed) = SweepCsv.Parse(text[..(text.LastIndexOf('\n') + 1)]);
            string line = SweepCsv.Line(cols);
            if (header is null) header = line;
            else if (line != header) throw new InputException($"{csvPath}: columns differ from {folders[0]}'s");
            foreach (var row in parsed)
                if (int.TryParse(row[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < first.Points)
                    rows.TryAdd(index, SweepCsv.Line(row));
        }
        var csv = new StringBuilder(header);
        foreach (var line in rows.Values) csv.Append(line);
        var missing = Enumerable.Range(0, first!.Points).Where(i => !rows.ContainsKey(i)).ToArray();
        return new SweepMergeResult(csv.ToString(), first with { Shard = SweepShard.All.ToString() }, missing);
    }
}
