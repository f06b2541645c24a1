using System.Globalization;
using AccelSim.Tests.Support;

namespace AccelSim.Tests.Cli;

/// <summary>The run's plots carry the CSV's values, and `accelsim plot DIR` redraws them identically.</summary>
public class PlotCommandTests
{
    [Fact]
    public void DivergencePlotHasOneBarPerLayerAndSeriesWithTheCsvShares()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("run", "--model", "lenet5", "--out", dir).Exit);
        var lines = File.ReadAllLines(Path.Combine(dir, "layers.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        double Col(string[] r, string c) => double.Parse(r[Array.IndexOf(header, c)], CultureInfo.InvariantCulture);
        double totalEnergy = rows.Sum(r => Col(r, "energy"));

        // divergence.csv holds what was drawn: per layer (fused activations folded into their producer) its share of energy.
        var csv = AccelSim.Tests.Plots.SvgQuery.Csv(File.ReadAllText(Path.Combine(dir, "divergence.csv")));
        var energyRows = csv.Skip(1).Where(r => r[0] == "energy").ToList();
        string Cell(string[] r, string c) => r[Array.IndexOf(header, c)];
        var shown = rows.Where(r => Cell(r, "fused_into").Length == 0).ToList();
        Assert.Equal(shown.Select(r => Cell(r, "layer")), energyRows.Select(r => r[1]));
        foreach (var (r, drawn) in shown.Zip(energyRows))
        {
            double energy = Col(r, "energy") + rows.Where(f => Cell(f, "fused_into") == Cell(r, "layer")).Sum(f => Col(f, "energy"));
            Assert.Equal(100 * energy / totalEnergy, double.Parse(drawn[2], CultureInfo.InvariantCulture), 9);
        }
        Assert.True(new FileInfo(Path.Combine(dir, "divergence.png")).Length > 1000);
        Assert.Contains("data-file=\"divergence.svg\"", File.ReadAllText(Path.Combine(dir, "report.html")));
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public void PlotRedrawsTheSameFiguresFromTheFolder()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("run", "--model", "lenet5", "--out", dir).Exit);
        var before = File.ReadAllText(Path.Combine(dir, "macs-vs-energy.svg"));
        File.Delete(Path.Combine(dir, "macs-vs-energy.svg"));
        var (exit, _, error) = CliRunner.Run("plot", dir);
        Assert.True(exit == 0, error);
        Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "macs-vs-energy.svg")));
    }

    [Fact]
    public void PlotOnAFolderWithoutResultsNamesTheMissingFile()
    {
        var (exit, _, error) = CliRunner.Run("plot", CliRunner.TempDir());
        Assert.Equal(2, exit);
        Assert.Contains("layers.csv: missing", error);
    }
}
