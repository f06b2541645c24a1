using AccelSim.Plots;
using AccelSim.Plots.Figures;
using AccelSim.Plots.Rendering;
using AccelSim.Reports;
using SkiaSharp;

namespace AccelSim.Tests.Plots;

public class FigureTests
{
    private static readonly IReadOnlyList<LayerFigureData> Layers = SyntheticLayers.Generate(12);
    private static readonly IReadOnlyList<Figure> Figures = ModelFigures.All(Layers, SyntheticLayers.Roofline);

    [Fact]
    public void EveryFigureHasItsNameAndThreeFiles()
    {
        Assert.Equal(["divergence", "macs-vs-energy", "macs-vs-latency", "latency-breakdown", "energy-by-level", "energy-per-mac-by-class", "roofline"],
            Figures.Select(f => f.Name));
        var files = ModelFigures.Files(Figures);
        Assert.Equal(Figures.Count * 3, files.Count);
        Assert.All(Figures, f => Assert.True(files.ContainsKey(f.Name + ".svg") && files.ContainsKey(f.Name + ".png") && files.ContainsKey(f.Name + ".csv")));
    }

    [Fact]
    public void SvgsCarryTheirLabelsAsTextInTheEmbeddedFont()
    {
        foreach (var figure in Figures)
        {
            var doc = SvgQuery.Parse(figure.Svg);
            var texts = doc.Texts();
            Assert.Contains(figure.Title, texts);
            Assert.All(doc.Descendants().Where(e => e.Name.LocalName == "text"), t => Assert.Equal(PlotFont.Family, t.Attr("font-family")));
            switch (figure.Spec)
            {
                case BarChartSpec bars:
                    Assert.Contains(bars.ValueAxis.Text, texts);
                    Assert.Contains(bars.CategoryAxis.Text, texts);
                    Assert.All(bars.Series, s => Assert.Contains(s.Name, texts));
                    Assert.All(bars.Categories, c => Assert.Contains(c, texts));
                    break;
                case ScatterChartSpec scatter:
                    Assert.Contains(scatter.XAxis.Text, texts);
                    Assert.Contains(scatter.YAxis.Text, texts);
                    Assert.All(scatter.Series, s => Assert.Contains(s.Name, texts));
                    var labelled = scatter.Series.SelectMany(s => s.Points).Where(p => p.Annotated).Select(p => p.Label).ToList();
                    Assert.Equal(LayerSelection.LabelledOutliers, labelled.Count);
                    Assert.All(labelled, l => Assert.Contains(texts, t => t.Split(", ").Contains(l)));
                    break;
                case RooflineChartSpec roof:
                    Assert.Contains(roof.PeakLabel, texts);
                    Assert.Contains(roof.BandwidthLabel, texts);
                    Assert.All(roof.Series, s => Assert.Contains(s.Name, texts));
                    break;
            }
        }
    }

    [Fact]
    public void PngsAreNonBlankAtTheDocumentedSize()
    {
        foreach (var figure in Figures)
        {
            using var bitmap = SKBitmap.Decode(figure.Chart.Png);
            Assert.NotNull(bitmap);
            Assert.Equal(figure.Spec.Width, bitmap.Width);
            Assert.Equal(ChartRenderer.HeightOf(figure.Spec), bitmap.Height);
            // Non-blank: a good share of pixels are not the white background, and more than two colours are used.
            int inked = 0;
            var colours = new HashSet<SKColor>();
            for (int y = 0; y < bitmap.Height; y += 3)
                for (int x = 0; x < bitmap.Width; x += 3)
                {
                    var c = bitmap.GetPixel(x, y);
                    if (c != SKColors.White) inked++;
                    colours.Add(c);
                }
            Assert.True(inked > bitmap.Width * bitmap.Height / 9 / 100, $"{figure.Name}: only {inked} sampled pixels are not white");
            Assert.True(colours.Count > 4, $"{figure.Name}: {colours.Count} colours");
        }
    }

    [Fact]
    public void DataHandedToScottPlotIsTheDataInTheCsv()
    {
        foreach (var figure in Figures) PlottedData.AssertMatchesCsv(figure);
    }

    [Fact]
    public void LatencyPartsAddUpToTheSimulatedCycles()
    {
        var spec = LatencyBreakdownFigure.Spec(Layers, SyntheticLayers.Roofline);
        var rows = LayerSelection.ForBars(Layers);
        for (int i = 0; i < rows.Count; i++)
        {
            double sum = spec.Series.Sum(s => s.Values[i]);
            Assert.Equal(rows[i].Cycles, sum, 6);
            Assert.All(spec.Series, s => Assert.True(s.Values[i] >= 0, $"{s.Name} of {rows[i].Layer} is {s.Values[i]}"));
        }
        // Model totals too: ideal + under-use + fill/drain + stalls + vector = cycles.
        Assert.Equal(Layers.Sum(l => (double)l.Cycles), spec.Series.Sum(s => s.Values.Sum()), 3);
    }

    [Fact]
    public void FusedActivationsFoldIntoTheirProducer()
    {
        var fused = Layers.Where(l => l.FusedInto is not null).ToList();
        Assert.NotEmpty(fused);
        var folded = LayerSelection.FoldFused(Layers);
        Assert.Equal(Layers.Count - fused.Count, folded.Count);
        Assert.Equal(Layers.Sum(l => l.EnergyPj), folded.Sum(l => l.EnergyPj), 3);
        Assert.Equal(Layers.Sum(l => l.Cycles), folded.Sum(l => l.Cycles));
        foreach (var f in fused)
        {
            var producer = Layers.Single(l => l.Layer == f.FusedInto);
            Assert.Equal(producer.EnergyPj + f.EnergyPj, folded.Single(l => l.Layer == producer.Layer).EnergyPj, 6);
        }
    }

    [Fact]
    public void BeyondFortyMacLayersBarChartsShowTheMostDivergentAndAggregateTheRest()
    {
        var many = SyntheticLayers.Generate(150);
        var rows = LayerSelection.ForBars(many);
        Assert.Equal(LayerSelection.MaxBars + 1, rows.Count);
        var folded = LayerSelection.FoldFused(many);
        // The aggregate names how many model layers it stands for (fused activations included).
        Assert.Equal($"other {many.Count - rows.Take(LayerSelection.MaxBars).Sum(r => r.Members)} layers", rows[^1].Layer);
        Assert.Equal(folded.Sum(l => l.EnergyPj), rows.Sum(l => l.EnergyPj), 1);
        Assert.Equal(folded.Sum(l => l.Cycles), rows.Sum(l => l.Cycles));
        // The kept layers are exactly the top 40 by divergence, in model order.
        var d = LayerSelection.Divergence(folded);
        var top = Enumerable.Range(0, folded.Count).OrderByDescending(i => d[i]).ThenBy(i => i).Take(LayerSelection.MaxBars).Order().Select(i => folded[i].Layer);
        Assert.Equal(top, rows.Take(LayerSelection.MaxBars).Select(l => l.Layer));
        var spec = DivergenceFigure.Spec(many);
        Assert.Equal(rows.Take(LayerSelection.MaxBars).Select(r => r.Layer), spec.Categories.Take(LayerSelection.MaxBars));
        // The aggregate's bars may run off the scale, so its label carries its shares.
        Assert.StartsWith($"{rows[^1].Layer} (MACs ", spec.Categories[^1]);
        Assert.True(spec.ScaleIgnoresLast);
        using var plot = ChartRenderer.Build(spec);
        double shown = spec.Series.Max(s => s.Values.Take(LayerSelection.MaxBars).Max());
        Assert.InRange(plot.Axes.Bottom.Max, shown, shown * 1.1);
        Assert.Equal(100, spec.Series.Single(s => s.Name == "energy").Values.Sum(), 6);
    }

    [Fact]
    public void LayerClassesHaveTheirOwnLegendEntryAndStyleEverywhere()
    {
        var layers = SyntheticLayers.Generate(20);
        foreach (var spec in new[] { CostScatterFigures.EnergySpec(layers), CostScatterFigures.LatencySpec(layers) })
        {
            var depthwise = spec.Series.Single(s => s.Name == FigureLayerClass.Depthwise);
            Assert.Equal(LayerClassStyles.Of(FigureLayerClass.Depthwise), depthwise.Style);
            Assert.All(depthwise.Points, p => Assert.Equal(FigureLayerClass.Depthwise, layers.Single(l => l.Layer == p.Label).Class));
            // Layers without MACs are drawn too (at the left edge), not dropped.
            Assert.Contains(spec.Series, s => s.Name.StartsWith(FigureLayerClass.Vector, StringComparison.Ordinal) && s.Points.Count > 0);
            Assert.Equal(LayerSelection.FoldFused(layers).Count, spec.Series.Sum(s => s.Points.Count));
        }
        var styles = FigureLayerClass.All.Select(LayerClassStyles.Of).ToList();
        Assert.Equal(styles.Count, styles.Select(s => s.Color).Distinct().Count());
        Assert.Equal(styles.Count, styles.Select(s => s.Marker).Distinct().Count());
    }

    [Fact]
    public void LogAxesAreFittedToTheData()
    {
        var spec = CostScatterFigures.EnergySpec(Layers);
        using var plot = ChartRenderer.Build(spec);
        var ys = spec.Series.SelectMany(s => s.Points).Select(p => Math.Log10(p.Y)).ToList();
        double span = ys.Max() - ys.Min();
        Assert.InRange(plot.Axes.Left.Min, ys.Min() - 0.1 * span, ys.Min());
        Assert.InRange(plot.Axes.Left.Max, ys.Max(), ys.Max() + 0.1 * span);
    }

    [Fact]
    public void EmptyAndZeroInputsStillDraw()
    {
        Assert.All(ModelFigures.All([], SyntheticLayers.Roofline), f => SvgQuery.Parse(f.Svg));
        var zeros = new LayerFigureData("z", "conv", 0, 0, 0, 0, new Dictionary<string, double>(), new Dictionary<string, double>(), 0, 0);
        Assert.All(ModelFigures.All([zeros], new RooflineData(0, 0)), f => SvgQuery.Parse(f.Svg));
    }
}
