using System.Globalization;
using AccelSim.Plots;
using AccelSim.Plots.Figures;

namespace AccelSim.Sweeps;

/// <summary>
/// The sweep plots, drawn from sweep.csv and sweep.json alone (so `accelsim merge` redraws them): latency, energy and
/// utilization against each swept parameter, one line per model (and per combination of the other swept values).
/// </summary>
public static class SweepFigures
{
    private static readonly (string File, string Column, string Title, string Unit, bool Log)[] Metrics =
    [
        ("latency", "cycles", "Latency", "cycles per batch", true),
        ("energy", "energy", "Energy", "", true),
        ("utilization", "utilization", "Utilization", "MACs / (cycles × MAC units)", false),
    ];

    /// <summary>The figures, in axis then metric order.</summary>
    public static IReadOnlyList<Figure> Figures(SweepManifest manifest, string csv)
    {
        var (header, rows) = SweepCsv.Parse(csv);
        // Shards written before the unit-free schema (energy_pj, ...) still draw.
        header = header.Select(Reports.LegacyColumns.Current).ToArray();
        int Col(string name) => Array.IndexOf(header, name);
        var figures = new List<Figure>();
        for (int a = 0; a < manifest.Axes.Count; a++)
        {
            var axis = manifest.Axes[a];
            var xOf = axis.Values.ToDictionary(v => v.Text, v => v.X);
            var others = Enumerable.Range(0, manifest.Axes.Count).Where(i => i != a).ToArray();
            var groups = rows.GroupBy(r => string.Join(", ", others.Select(i => $"{manifest.Axes[i].Key}={r[Col(manifest.Axes[i].Key)]}").Prepend(r[Col("model")])))
                .ToList();
            var xs = axis.Values.Select(v => v.X).ToArray();
            bool logX = xs.Min() > 0 && xs.Max() / xs.Min() >= 8;
            foreach (var (file, column, title, unit, log) in Metrics)
            {
                string energyUnit = column == "energy" ? Reports.LegacyColumns.CurrentUnit(manifest.EnergyUnit) : unit;
                // The array axis is plotted at its PE count; the first line's points are labelled rows x columns, and the
                // architecture as shipped (sweep.csv's shipped column) is labelled on every line.
                bool Shipped(string[] r) => Col("shipped") >= 0 && r[Col("shipped")] == "yes";
                var series = groups.Select((g, gi) => new PointSeries(g.Key, g
                    .Select(r => new ChartPoint(xOf.GetValueOrDefault(r[Col(axis.Key)], double.NaN), double.Parse(r[Col(column)], CultureInfo.InvariantCulture),
                        $"{axis.Key}={r[Col(axis.Key)]}{(Shipped(r) ? " (shipped)" : "")}") { Annotated = (gi == 0 && axis.Key == "array") || Shipped(r) })
                    .Where(p => double.IsFinite(p.X)).OrderBy(p => p.X).ToArray())).ToArray();
                var spec = new LineChartSpec($"{title} against {axis.Key} on {manifest.Arch}",
                    new AxisSpec($"{axis.Key} ({axis.XLabel})", null, logX ? AxisScale.Log : AxisScale.Linear),
                    new AxisSpec(title.ToLowerInvariant(), energyUnit, log ? AxisScale.Log : AxisScale.Linear), series)
                {
                    Note = "One line per model" + (others.Length > 0 ? " and combination of the other swept values" : "") +
                        "; the architecture as shipped is labelled (shipped); from sweep.csv.",
                };
                figures.Add(Figure.Draw($"{file}-vs-{axis.Key}", spec));
            }
        }
        return figures;
    }

    /// <summary>Every figure's SVG, PNG and CSV, and report.html, by file name.</summary>
    public static Dictionary<string, byte[]> Render(SweepManifest manifest, string csv)
    {
        var figures = Figures(manifest, csv);
        var files = ModelFigures.Files(figures);
        var summary = new List<KeyValuePair<string, string>>
        {
            new("architecture", manifest.Arch),
            new("models", string.Join(", ", manifest.Models)),
            new("batch", manifest.Batch.ToString(CultureInfo.InvariantCulture)),
            new("dataflow", manifest.Dataflow),
            new("points", manifest.Points.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var axis in manifest.Axes) summary.Add(new($"swept: {axis.Key} ({axis.XLabel})", string.Join(", ", axis.Values.Select(v => v.Text))));
        files[Reports.HtmlReport.FileName] = Reports.StudyReport.Render($"Sweep on {manifest.Arch}", Headline(manifest, csv), summary, figures,
            "Points (sweep.csv)", csv);
        return files;
    }

    /// <summary>The sweep in words: per model, the fastest and the most frugal point, and how far apart the extremes are.</summary>
    public static IReadOnlyList<string> Headline(SweepManifest manifest, string csv)
    {
        var (header, rows) = SweepCsv.Parse(csv);
        header = header.Select(Reports.LegacyColumns.Current).ToArray();
        int Col(string name) => Array.IndexOf(header, name);
        if (rows.Count == 0 || Col("cycles") < 0 || Col("energy") < 0) return [$"No points computed yet on {manifest.Arch}."];
        string unit = Reports.LegacyColumns.CurrentUnit(manifest.EnergyUnit);
        double N(string[] r, string c) => double.Parse(r[Col(c)], CultureInfo.InvariantCulture);
        string Where(string[] r) => string.Join(", ", manifest.Axes.Select(a => $"{a.Key} {r[Col(a.Key)]}"));
        var sentences = new List<string> { $"{rows.Count} points of {manifest.Points} on {manifest.Arch}, sweeping {string.Join(" and ", manifest.Axes.Select(a => a.Key))}." };
        foreach (var model in rows.GroupBy(r => r[Col("model")]))
        {
            var fastest = model.MinBy(r => N(r, "cycles"))!;
            var slowest = model.MaxBy(r => N(r, "cycles"))!;
            var frugal = model.MinBy(r => N(r, "energy"))!;
            var costly = model.MaxBy(r => N(r, "energy"))!;
            sentences.Add($"{model.Key}: fastest at {Where(fastest)} ({N(slowest, "cycles") / Math.Max(1, N(fastest, "cycles")):G3}x fewer cycles than at {Where(slowest)}); "
                + $"least energy at {Where(frugal)} ({Reports.HumanUnits.Energy(N(frugal, "energy"), unit)}, against {Reports.HumanUnits.Energy(N(costly, "energy"), unit)} at {Where(costly)}).");
        }
        return sentences;
    }
}
