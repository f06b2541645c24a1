using AccelSim.Architecture;
using AccelSim.Comparisons;
using AccelSim.Pipeline;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Plots;

/// <summary>The compare studies' figures hand ScottPlot exactly the data in their CSVs, and the CSVs hold the results.</summary>
public class ComparisonFigureTests
{
    [Fact]
    public void ModelComparisonFiguresPlotTheirCsv()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var runs = ModelComparison.Run([ModelZoo.Get("lenet5"), ModelZoo.Get("squeezenet1.1")], arch, new ModelRunOptions());
        var figures = ModelComparison.Figures(runs);
        Assert.NotEmpty(figures);
        foreach (var figure in figures) PlottedData.AssertMatchesCsv(figure);
        // Every model is a point in every figure's data, with its MACs.
        foreach (var figure in figures)
            foreach (var run in runs)
                Assert.Contains(SvgQuery.Csv(figure.Csv).Skip(1), row => row.Contains(run.Model.Name) && row.Any(cell => cell == run.Macs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void DenseVsDepthwiseFiguresPlotTheirCsv()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var parts = DenseVsDepthwise.Run(arch, new ModelRunOptions(), [32, 64], [14]);
        var figures = DenseVsDepthwise.Figures(parts, arch);
        Assert.NotEmpty(figures);
        foreach (var figure in figures) PlottedData.AssertMatchesCsv(figure);
    }
}
