using AccelSim.Plots.Figures;
using AccelSim.Reports;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>
/// Drawing every figure (ScottPlot: SVG, PNG and CSV each) and the report of a 150-layer model: the budget is under a
/// second, since `accelsim run` draws them after every run.
/// </summary>
[MemoryDiagnoser]
public class PlotBenchmarks
{
    private IReadOnlyList<LayerFigureData> _layers = [];
    private IReadOnlyList<Figure> _figures = [];

    [Params(150)]
    public int Layers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _layers = SyntheticLayers.Generate(Layers);
        _figures = ModelFigures.All(_layers, SyntheticLayers.Roofline);
    }

    [Benchmark]
    public IReadOnlyList<Figure> AllFigures() => ModelFigures.All(_layers, SyntheticLayers.Roofline);

    [Benchmark]
    public string Report() => HtmlReport.Render(new ReportContent(
        "benchmark",
        [new("layers", Layers.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        new ReportTable(["layer", "kind"], _layers.Select(l => (IReadOnlyList<string>)[l.Layer, l.Kind]).ToArray()),
        _figures,
        _layers.Select(l => new LayerMappingText(l.Layer, "for k in [0:4)")).ToArray()));
}
