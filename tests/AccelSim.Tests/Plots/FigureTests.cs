using System.Xml.Linq;
using AccelSim.Plots;
using AccelSim.Plots.Figures;

namespace AccelSim.Tests.Plots;

public class FigureTests
{
    private static readonly IReadOnlyList<LayerFigureData> Layers = SyntheticLayers.Generate(12);

    [Fact]
    public void AllFiguresHaveTheirFileNamesAndParse()
    {
        var figures = ModelFigures.All(Layers, SyntheticLayers.Roofline);
        Assert.Equal(
            ["divergence.svg", "energy-by-level.svg", "energy-by-tensor.svg", "macs-vs-energy.svg", "macs-vs-latency.svg", "roofline.svg"],
            figures.Select(f => f.FileName));
        foreach (var figure in figures)
        {
            var doc = SvgQuery.Parse(figure.Svg);
            Assert.Equal("svg", doc.Root!.Name.LocalName);
            Assert.Equal(figure.Title, doc.Text("chart-title"));
            Assert.NotEmpty(doc.WithClass("mark"));
            // Every mark is its own element with a tooltip.
            Assert.All(doc.WithClass("mark"), m => Assert.False(string.IsNullOrWhiteSpace(m.Title())));
        }
    }

    [Fact]
    public void DivergenceHasOneBarPerLayerAndSeriesWithExactShares()
    {
        var doc = SvgQuery.Parse(DivergenceFigure.Build(Layers).Svg);
        Assert.Equal(["MACs", "energy", "latency"], doc.LegendNames());
        Assert.Equal("share of model total (%)", doc.AxisLabel("y"));
        Assert.Equal("layer (model order)", doc.AxisLabel("x"));
        double macs = Layers.Sum(l => (double)l.Macs), energy = Layers.Sum(l => l.EnergyPj), cycles = Layers.Sum(l => (double)l.Cycles);
        foreach (var (series, value, total) in new (string, Func<LayerFigureData, double>, double)[]
                 { ("MACs", l => l.Macs, macs), ("energy", l => l.EnergyPj, energy), ("latency", l => l.Cycles, cycles) })
        {
            var bars = doc.WithClass("bar").Where(b => b.Attr("data-series") == series).ToList();
            Assert.Equal(Layers.Select(l => l.Layer), bars.Select(b => b.Attr("data-label")));
            for (int i = 0; i < Layers.Count; i++)
            {
                double expected = value(Layers[i]) / total * 100.0;
                Assert.Equal(expected, bars[i].Num("data-value"));
                Assert.Contains(NumberText.Exact(expected), bars[i].Title());
            }
        }
        var shares = doc.WithClass("bar").Where(b => b.Attr("data-series") == "energy").Sum(b => b.Num("data-value"));
        Assert.Equal(100, shares, 6);
    }

    [Fact]
    public void EnergyByLevelStacksEveryLevelOfEveryLayer()
    {
        var doc = SvgQuery.Parse(EnergyBreakdownFigures.ByLevel(Layers).Svg);
        string[] levels = ["DRAM", "GlobalBuffer", "NoC", "Spad", "MAC"];
        Assert.Equal(levels, doc.LegendNames());
        Assert.Equal("energy (pJ)", doc.AxisLabel("y"));
        var bars = doc.WithClass("bar").ToList();
        Assert.Equal(Layers.Count * levels.Length, bars.Count);
        foreach (var layer in Layers)
        {
            foreach (string level in levels)
            {
                var bar = bars.Single(b => b.Attr("data-label") == layer.Layer && b.Attr("data-series") == level);
                Assert.Equal(layer.EnergyByLevelPj[level], bar.Num("data-value"));
            }
            // Stacked: the segments of a layer sit on top of each other, so their heights add up.
            double height = bars.Where(b => b.Attr("data-label") == layer.Layer).Sum(b => b.Num("height"));
            Assert.True(height > 0 || layer.EnergyPj == 0);
        }
    }

    [Fact]
    public void EnergyByTensorIsOneBarOfSums()
    {
        var doc = SvgQuery.Parse(EnergyBreakdownFigures.ByTensor(Layers, new FigureOptions("resnet<18>")).Svg);
        Assert.Equal(["weights", "inputs", "outputs"], doc.LegendNames());
        var bars = doc.WithClass("bar").ToList();
        Assert.Equal(3, bars.Count);
        Assert.All(bars, b => Assert.Equal("resnet<18>", b.Attr("data-label")));
        foreach (string tensor in new[] { "weights", "inputs", "outputs" })
        {
            Assert.Equal(Layers.Sum(l => l.EnergyByTensorPj[tensor]), bars.Single(b => b.Attr("data-series") == tensor).Num("data-value"));
        }
    }

    [Theory]
    [InlineData("energy")]
    [InlineData("latency")]
    public void ScattersPlaceEachLayerWithMacsOnLogAxesWithTheAverageLine(string what)
    {
        Func<LayerFigureData, double> cost = what == "energy" ? l => l.EnergyPj : l => l.Cycles;
        var figure = what == "energy" ? CostScatterFigures.MacsVsEnergy(Layers) : CostScatterFigures.MacsVsLatency(Layers);
        Assert.Equal($"macs-vs-{what}.svg", figure.FileName);
        var doc = SvgQuery.Parse(figure.Svg);
        var points = doc.WithClass("point").ToList();
        var placeable = Layers.Where(l => l.Macs > 0).ToList();
        Assert.Equal(placeable.Select(l => l.Layer).Order(), points.Select(p => p.Attr("data-label")).Order());
        foreach (var layer in placeable)
        {
            var p = points.Single(p => p.Attr("data-label") == layer.Layer);
            Assert.Equal(layer.Macs, p.Num("data-x"));
            Assert.Equal(cost(layer), p.Num("data-y"));
            Assert.Equal(layer.Kind, p.Attr("data-series"));
            Assert.Contains(NumberText.Exact(cost(layer)), p.Title());
        }
        // Pooling layers have no MACs: they cannot sit on a log axis, and the note says so.
        int missing = Layers.Count - placeable.Count;
        Assert.True(missing > 0);
        Assert.Contains($"{missing} point{(missing == 1 ? "" : "s")} not shown", string.Join(" ", doc.WithClass("chart-note").Select(n => n.Value)));
        Assert.Equal(Layers.Sum(cost) / Layers.Sum(l => (double)l.Macs), doc.WithClass("proportionality").Single().Num("data-k"));
        Assert.Equal("MACs", doc.AxisLabel("x"));
        Assert.Equal(what == "energy" ? "energy (pJ)" : "latency (cycles)", doc.AxisLabel("y"));
        AssertDecadeTicks(doc);
        Assert.Equal(["conv", "depthwise", "pointwise", "fc"], doc.LegendNames().Take(4));
        Assert.StartsWith("model average: ", doc.LegendNames().Last());
    }

    [Fact]
    public void RooflinePlacesLayersByIntensityAndThroughput()
    {
        var doc = SvgQuery.Parse(RooflineFigure.Build(Layers, SyntheticLayers.Roofline).Svg);
        var roof = doc.WithClass("roof").Single();
        Assert.Equal(168, roof.Num("data-peak"));
        Assert.Equal(4, roof.Num("data-bandwidth"));
        Assert.Single(doc.WithClass("roof-peak"));
        Assert.Single(doc.WithClass("roof-bandwidth"));
        var points = doc.WithClass("point").ToList();
        var placeable = Layers.Where(l => l.ArithmeticIntensity > 0 && l.AchievedMacsPerCycle > 0).ToList();
        Assert.Equal(placeable.Count, points.Count);
        foreach (var layer in placeable)
        {
            var p = points.Single(p => p.Attr("data-label") == layer.Layer);
            Assert.Equal(layer.ArithmeticIntensity, p.Num("data-x"));
            Assert.Equal(layer.AchievedMacsPerCycle, p.Num("data-y"));
        }
        Assert.Equal("arithmetic intensity (MACs/DRAM word)", doc.AxisLabel("x"));
        Assert.Equal("achieved throughput (MACs/cycle)", doc.AxisLabel("y"));
        Assert.Contains("compute roof: 168 MACs/cycle", doc.LegendNames());
        AssertDecadeTicks(doc);
        // The roof is under the plot's top edge: the peak is inside the y domain.
        double top = doc.WithClass("tick-label").Where(t => t.Parent!.Attr("class") == "axis y").Max(t => t.Num("data-value"));
        Assert.True(top >= 168);
    }

    [Fact]
    public void HundredFiftyLayersKeepReadableLabels()
    {
        var layers = SyntheticLayers.Generate(150);
        foreach (var figure in new[] { DivergenceFigure.Build(layers), EnergyBreakdownFigures.ByLevel(layers) })
        {
            var doc = SvgQuery.Parse(figure.Svg);
            var group = doc.WithClass("category-labels").Single();
            Assert.NotEqual(0, group.Num("data-angle"));
            var labels = doc.WithClass("category-label").ToList();
            int stride = (int)group.Num("data-stride");
            Assert.Equal((150 + stride - 1) / stride, labels.Count);
            var xs = labels.Select(l => l.Num("x")).ToList();
            // Rotated labels one text line apart never overlap.
            Assert.All(xs.Zip(xs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 11, $"labels {pair.First} and {pair.Second} overlap"));
            Assert.True(doc.Root!.Num("width") <= 4000);
            // Bars stay wide enough to see and hover.
            Assert.All(doc.WithClass("bar"), b => Assert.True(b.Num("width") >= 3));
        }
    }

    [Fact]
    public void ManyCategoriesInANarrowChartThinTheirLabels()
    {
        var layers = SyntheticLayers.Generate(150);
        var spec = DivergenceFigure.Spec(layers) with { MaxWidth = 960 };
        var doc = SvgQuery.Parse(new AccelSim.Plots.Svg.SvgChartRenderer().Render(spec));
        var group = doc.WithClass("category-labels").Single();
        Assert.Equal(-90, group.Num("data-angle"));
        Assert.True(group.Num("data-stride") > 1);
        var xs = doc.WithClass("category-label").Select(l => l.Num("x")).ToList();
        Assert.All(xs.Zip(xs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= 11));
        Assert.Equal(450, doc.WithClass("bar").Count());
    }

    [Fact]
    public void EmptyAndDegenerateInputsStillRender()
    {
        var none = ModelFigures.All([], SyntheticLayers.Roofline);
        Assert.All(none, f => SvgQuery.Parse(f.Svg));
        var zeros = new LayerFigureData("z", "conv", 0, 0, 0, double.NaN, new Dictionary<string, double> { ["MAC"] = double.NaN },
            new Dictionary<string, double>(), double.PositiveInfinity, double.NaN);
        Assert.All(ModelFigures.All([zeros], new RooflineData(0, 0)), f => SvgQuery.Parse(f.Svg));
    }

    [Fact]
    public void TextFromDataIsEscaped()
    {
        var layer = SyntheticLayers.Generate(2)[0] with { Layer = "conv<1>&\"x'" , Kind = "k<&>" };
        foreach (var figure in ModelFigures.All([layer], SyntheticLayers.Roofline))
        {
            var doc = SvgQuery.Parse(figure.Svg);
            Assert.All(doc.WithClass("mark").Where(m => m.Attribute("data-label") is not null && figure.FileName != "energy-by-tensor.svg"),
                m => Assert.Equal("conv<1>&\"x'", m.Attr("data-label")));
        }
    }

    [Fact]
    public void LineChartsJoinPointsOnALogX()
    {
        var spec = new LineChartSpec("sweep", new AxisSpec("buffer size", "KiB", AxisScale.Log), new AxisSpec("energy", "pJ"),
        [
            new PointSeries("WS", [new(8, 5, "8"), new(64, 3, "64"), new(512, 2.5, "512")]),
            new PointSeries("OS", [new(8, 6, "8"), new(64, 2, "64"), new(0, 1, "zero")]),
        ]);
        var doc = SvgQuery.Parse(new AccelSim.Plots.Svg.SvgChartRenderer().Render(spec));
        Assert.Equal(2, doc.WithClass("series-line").Count());
        Assert.Equal(5, doc.WithClass("point").Count());
        Assert.Equal(["WS", "OS"], doc.LegendNames());
        Assert.Equal("buffer size (KiB)", doc.AxisLabel("x"));
        Assert.Equal("log", doc.WithClass("axis").First(a => a.Attr("class") == "axis x").Attr("data-scale"));
        Assert.Contains("1 point not shown", doc.Text("chart-note"));
    }

    [Fact]
    public void AllPlotsRenderForHundredFiftyLayers()
    {
        // Speed is measured by PlotBenchmarks (BenchmarkDotNet), not here.
        var figures = ModelFigures.All(SyntheticLayers.Generate(150), SyntheticLayers.Roofline);
        Assert.Equal(6, figures.Count);
    }

    private static void AssertDecadeTicks(XDocument doc)
    {
        foreach (var axis in doc.WithClass("axis"))
        {
            Assert.Equal("log", axis.Attr("data-scale"));
            var ticks = axis.Elements().Where(e => e.Attr("class") == "tick").Select(t => t.Num("data-value")).ToList();
            Assert.True(ticks.Count >= 2);
            foreach (double t in ticks)
            {
                double exponent = Math.Log10(t);
                Assert.Equal(Math.Round(exponent), exponent, 9);
            }
            var labels = axis.Elements().Where(e => e.Attr("class") == "tick-label").ToList();
            Assert.All(labels, l => Assert.Equal(NumberText.Compact(l.Num("data-value")), l.Value));
        }
    }
}
