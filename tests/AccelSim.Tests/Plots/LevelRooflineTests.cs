using AccelSim.Plots.Figures;
using AccelSim.Tests.Support;

namespace AccelSim.Tests.Plots;

/// <summary>The hierarchical roofline: every layer under every level's roof, and the plotted data is the CSV's.</summary>
public class LevelRooflineTests
{
    [Fact]
    public void EveryLayerSitsUnderEachLevelsRoofAndDepthwiseMeetsTheBuffers()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("run", "--model", "mobilenet-v1", "--arch", "eyeriss", "--out", dir, "--quiet").Exit);
        var csv = SvgQuery.Csv(File.ReadAllText(Path.Combine(dir, LevelRooflineFigure.Name + ".csv")));
        var roofs = csv.Skip(1).Where(r => r[0] == "roof").ToDictionary(r => r[1].Split(':')[0], r => SvgQuery.D(r[3]));
        double peak = roofs["compute roof"];
        Assert.Equal(8, roofs["DRAM"]);            // 4 read + 4 write words per cycle
        Assert.Equal(12, roofs["GlobalBuffer"]);   // 8 read + 4 write
        Assert.Equal(6.0 * 168, roofs["Spad"]);    // 3 + 3 per spad, 168 spads
        var points = csv.Skip(1).Where(r => r[0] != "roof").ToList();
        Assert.Equal(3 * 28, points.Count);        // MobileNet v1's 28 MAC layers at each of the three levels
        // Physics: no layer beats min(peak, a level's words per cycle x its MACs per word at that level).
        foreach (var p in points)
            Assert.True(SvgQuery.D(p[3]) <= Math.Min(peak, roofs[p[0]] * SvgQuery.D(p[2])) * (1 + 1e-9), $"{p[1]} at {p[0]}");
        // For every depthwise layer the global buffer's roof is the lowest: its ports bind them, not DRAM (docs/validation.md).
        var depthwise = points.Where(p => p[1].EndsWith("_dw", StringComparison.Ordinal)).GroupBy(p => p[1]).ToList();
        Assert.Equal(13, depthwise.Count);
        foreach (var layer in depthwise)
        {
            var lowest = layer.MinBy(p => roofs[p[0]] * SvgQuery.D(p[2]))!;
            Assert.True(lowest[0] == "GlobalBuffer", $"{layer.Key}: lowest roof at {lowest[0]}");
        }
    }

    [Fact]
    public void ThePlottedDataIsTheCsvs()
    {
        var layers = SyntheticLayers.Generate(30).Select(l => l with
        {
            WordsByLevel = new Dictionary<string, double> { ["DRAM"] = l.Macs / 4.0 + 1, ["GlobalBuffer"] = l.Macs / 20.0 + 1 },
        }).ToList();
        var roofline = SyntheticLayers.Roofline with { Levels = [("DRAM", 4), ("GlobalBuffer", 12)] };
        var figure = LevelRooflineFigure.Build(layers, roofline);
        PlottedData.AssertMatchesCsv(figure);
        Assert.Contains(figure.Name, ModelFigures.All(layers, roofline).Select(f => f.Name));
        Assert.DoesNotContain(LevelRooflineFigure.Name, ModelFigures.All(layers, SyntheticLayers.Roofline).Select(f => f.Name));
    }
}
