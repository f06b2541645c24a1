using AccelSim.Pipeline;
using AccelSim.Plots.Figures;
using AccelSim.Reports;
using AccelSim.Simulation;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Plots;

/// <summary>Stalls split by the level and tensor that caused them, in whole cycles that add up to the stall column.</summary>
public class StallSourcesTests
{
    [Fact]
    public void FractionalAttributionsRoundToTheTotalExactly()
    {
        StallRecord[] stalls = [new(0, "DRAM", TensorKind.Weights, 10.4), new(1, "GlobalBuffer", TensorKind.Inputs, 5.3), new(1, "GlobalBuffer", TensorKind.Outputs, 0.3)];
        var sources = StallSources.Of(stalls, 17);
        Assert.Equal(17, sources.Sum(s => s.Cycles));
        Assert.Equal("DRAM/weights", sources[0].Source);
        Assert.Equal(sources, StallSources.Parse(StallSources.Format(sources)));
        Assert.Empty(StallSources.Of(stalls, 0));
        Assert.Null(StallSources.Parse("DRAM/weights=x"));
    }

    [Fact]
    public void AlexNetsFcStallsAreDramWeightsAndTheFigureSplitsThem()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("run", "--model", "alexnet", "--arch", "eyeriss", "--out", dir, "--quiet").Exit);
        var folder = RunFolder.Load(dir);
        foreach (var row in folder.Rows)
        {
            var sources = StallSources.Parse(row["stall_sources"])!;
            Assert.Equal(folder.Number(row, "stall_cycles"), sources.Sum(s => s.Cycles));
        }
        var fc6 = folder.Rows.Single(r => r["layer"] == "fc6");
        // Each FC weight is used once per inference: the layer waits on DRAM delivering weights.
        Assert.StartsWith("DRAM/weights=", fc6["stall_sources"]);

        var csv = File.ReadAllText(Path.Combine(dir, LatencyBreakdownFigure.Name + ".csv"));
        Assert.Contains("stalls: DRAM/weights", csv);
        Assert.DoesNotContain(LatencyBreakdownFigure.UnattributedStalls, csv);
    }
}
