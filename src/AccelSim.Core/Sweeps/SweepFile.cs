using System.Text;
using AccelSim.Common;

namespace AccelSim.Sweeps;

/// <summary>
/// The resumable sweep.csv. Finished points are appended as whole lines (one write and a flush each), so a killed sweep leaves
/// complete rows plus at most one half-written last line. Opening drops that line and rows of points not in the plan, and renumbers
/// the rest by the plan (values added to an axis shift indexes); <see cref="Finish"/> rewrites the file atomically in point order, so a resumed sweep ends
/// byte-identical to an uninterrupted one.
/// </summary>
public sealed class SweepFile
{
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _lines;
    private readonly Dictionary<string, int> _index;

    private SweepFile(string path, string header, Dictionary<string, string> lines, Dictionary<string, int> index)
    {
        Path = path;
        Header = header;
        _lines = lines;
        _index = index;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The header line (newline included).</summary>
    public string Header { get; }

    /// <summary>True when the point's row is already in the file.</summary>
    public bool Has(SweepPoint point)
    {
        lock (_gate) return _lines.ContainsKey(point.Key);
    }

    /// <summary>
    /// Opens (or creates) the file for <paramref name="points"/> (the points this run owns). An existing file must have the same
    /// header; its valid rows are kept and it is rewritten without the rest before anything is appended.
    /// </summary>
    public static SweepFile Open(string path, IReadOnlyList<string> keys, IReadOnlyList<SweepPoint> points)
    {
        string header = SweepCsv.HeaderLine(keys);
        var index = points.ToDictionary(p => p.Key, p => p.Index);
        var lines = new Dictionary<string, string>();
        var kept = new StringBuilder(header);
        if (File.Exists(path))
        {
            string text = File.ReadAllText(path);
            // Compared without the line ending: rows are re-rendered below, so a file saved with other line endings still resumes.
            string first = text.Split('\n', 2)[0].TrimEnd('\r');
            if (Reports.LegacyColumns.IsLegacy(first.Split(',')))
                throw new InputException($"{path}: written by AccelSim 0.1 (energy columns named *_pj); it cannot be resumed into the current columns: use another --out ('accelsim merge' still reads it)");
            if (first != header.TrimEnd('\r', '\n'))
                throw new InputException($"{path}: holds a sweep with other columns (keys {string.Join(", ", keys)} expected); use another --out");
            // Only whole lines count: a line without its newline was cut by a kill.
            string whole = text[..(text.LastIndexOf('\n') + 1)];
            var (cols, rows) = SweepCsv.Parse(whole);
            int modelCol = Array.IndexOf(cols, "model");
            foreach (var row in rows)
            {
                string key = SweepPoint.MakeKey(row[1..modelCol], row[modelCol]);
                if (!index.TryGetValue(key, out int i) || lines.ContainsKey(key)) continue;
                // Values added to an axis shift the indexes of existing points: the key identifies a point, the index follows.
                row[0] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                lines[key] = SweepCsv.Line(row);
                kept.Append(lines[key]);
            }
        }
        AtomicFile.WriteAllText(path, kept.ToString());
        return new SweepFile(path, header, lines, index);
    }

    /// <summary>Appends one finished point's row in a single write, flushed to disk.</summary>
    public void Append(SweepPoint point, string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_gate)
        {
            using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                long before = stream.Length;
                try
                {
                    stream.Write(bytes);
                    stream.Flush(flushToDisk: true);
                }
                catch (IOException e)
                {
                    // A full disk must not leave a cut row that the next append would run into: take the partial row back.
                    try { stream.SetLength(before); } catch (IOException) { }
                    throw new InputException($"{Path}: cannot append a row: {e.Message}");
                }
            }
            _lines[point.Key] = line;
        }
    }

    /// <summary>Rewrites the file atomically: header, then the rows in point order. Returns the text written.</summary>
    public string Finish()
    {
        lock (_gate)
        {
            var text = new StringBuilder(Header);
            foreach (var (_, line) in _lines.OrderBy(l => _index[l.Key])) text.Append(line);
            AtomicFile.WriteAllText(Path, text.ToString());
            return text.ToString();
        }
    }
}
