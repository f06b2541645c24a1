using System.Globalization;
using System.Xml.Linq;
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

        var svg = XDocument.Load(Path.Combine(dir, "divergence.svg"));
        var bars = svg.Descendants().Where(e => (string?)e.Attribute("class") == "mark bar").ToList();
        Assert.Equal(3 * rows.Count, bars.Count);
        foreach (var r in rows)
        {
            string layer = r[Array.IndexOf(header, "layer")];
            var energyBar = bars.Single(b => (string?)b.Attribute("data-label") == layer && ((string?)b.Attribute("data-series"))!.Contains("energy"));
            double plotted = double.Parse((string)energyBar.Attribute("data-value")!, CultureInfo.InvariantCulture);
            Assert.Equal(100 * Col(r, "energy") / totalEnergy, plotted, 6);
        }
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
