using System.Globalization;
using AccelSim.Plots;
using AccelSim.Plots.Svg;

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

    /// <summary>SVG files by name.</summary>
    public static Dictionary<string, string> Render(SweepManifest manifest, string csv, IChartRenderer? renderer = null)
    {
        renderer ??= SvgChartRenderer.Instance;
        var (header, rows) = SweepCsv.Parse(csv);
        // Shards written before the unit-free schema (energy_pj, ...) still draw.
        header = header.Select(Reports.LegacyColumns.Current).ToArray();
        int Col(string name) => Array.IndexOf(header, name);
        var files = new Dictionary<string, string>();
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
                files[$"{file}-vs-{axis.Key}.svg"] = renderer.Render(spec);
            }
        }
        return files;
    }
}
