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
                var series = groups.Select(g => new PointSeries(g.Key, g
                    .Select(r => new ChartPoint(xOf.GetValueOrDefault(r[Col(axis.Key)], double.NaN), double.Parse(r[Col(column)], CultureInfo.InvariantCulture),
                        $"{axis.Key}={r[Col(axis.Key)]}"))
                    .Where(p => double.IsFinite(p.X)).OrderBy(p => p.X).ToArray())).ToArray();
                var spec = new LineChartSpec($"{title} against {axis.Key} on {manifest.Arch}",
                    new AxisSpec($"{axis.Key} ({axis.XLabel})", null, logX ? AxisScale.Log : AxisScale.Linear),
                    new AxisSpec(title.ToLowerInvariant(), energyUnit, log ? AxisScale.Log : AxisScale.Linear), series)
                {
                    Note = "One line per model" + (others.Length > 0 ? " and combination of the other swept values" : "") + "; from sweep.csv.",
                };
                figures.Add(Figure.Draw($"{file}-vs-{axis.Key}", spec));
            }
        }
        return figures;
    }

    /// <summary>Every figure's SVG, PNG and CSV, by file name.</summary>
    public static Dictionary<string, byte[]> Render(SweepManifest manifest, string csv) => ModelFigures.Files(Figures(manifest, csv));
}
