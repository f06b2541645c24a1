using AccelSim.Plots;
using AccelSim.Plots.Figures;
using AccelSim.Plots.Rendering;
using ScottPlot.Plottables;

namespace AccelSim.Tests.Plots;

/// <summary>Checks that what a figure hands to ScottPlot (bars, scatter points) is exactly the data in its CSV.</summary>
internal static class PlottedData
{
    public static void AssertMatchesCsv(Figure figure)
    {
        var csv = SvgQuery.Csv(figure.Csv);
        using var plot = ChartRenderer.Build(figure.Spec);
        if (figure.Spec is BarChartSpec bars)
        {
            var plotted = plot.GetPlottables().OfType<BarPlot>().ToList();
            Assert.Equal(bars.Series.Select(s => s.Name), plotted.Select(p => p.LegendText));
            int n = bars.Categories.Count;
            foreach (var (series, plottable) in bars.Series.Zip(plotted))
            {
                var rows = csv.Skip(1).Where(r => r[0] == series.Name).ToList();
                Assert.Equal(bars.Categories, rows.Select(r => r[1]));
                // Each bar's length (top minus base) is the CSV's value, at its category's position.
                var lengths = plottable.Bars.OrderBy(b => bars.Horizontal ? n - 1 - b.Position : b.Position).Select(b => b.Value - b.ValueBase).ToList();
                Assert.Equal(rows.Select(r => SvgQuery.D(r[2])).ToList(), lengths, (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a)));
            }
            return;
        }
        var (xAxis, yAxis) = figure.Spec switch
        {
            ScatterChartSpec s => (s.XAxis, s.YAxis),
            RooflineChartSpec r => (r.XAxis with { Scale = AxisScale.Log }, r.YAxis with { Scale = AxisScale.Log }),
            LineChartSpec l => (l.XAxis, l.YAxis),
            _ => throw new InvalidOperationException(figure.Spec.GetType().Name),
        };
        var scatters = plot.GetPlottables().OfType<Scatter>().ToList();
        var names = csv.Skip(1).Where(r => r[0] != "roof").Select(r => r[0]).Distinct().ToList();
        Assert.Equal(names, scatters.Select(s => s.LegendText));
        foreach (var scatter in scatters)
        {
            var rows = csv.Skip(1).Where(r => r[0] == scatter.LegendText).ToList();
            var points = scatter.Data.GetScatterPoints();
            Assert.Equal(rows.Count, points.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                Assert.Equal(Plotted(xAxis, SvgQuery.D(rows[i][2])), points[i].X, 9);
                Assert.Equal(Plotted(yAxis, SvgQuery.D(rows[i][3])), points[i].Y, 9);
            }
        }
    }

    private static double Plotted(AxisSpec axis, double value) => axis.Scale == AxisScale.Log ? Math.Log10(value) : value;
}
