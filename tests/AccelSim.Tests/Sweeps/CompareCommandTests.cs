using AccelSim.Sweeps;
using AccelSim.Tests.Support;

namespace AccelSim.Tests.Sweeps;

/// <summary>`accelsim compare`: models side by side, and dense against depthwise-separable convolutions.</summary>
public class CompareCommandTests
{
    [Fact]
    public void Compare_models_prints_a_table_and_writes_csv_and_plots()
    {
        var dir = CliRunner.TempDir();
        var (exit, output, err) = CliRunner.Run("compare", "--models", "lenet5,squeezenet1.1", "--arch", "eyeriss", "--out", dir);
        Assert.True(exit == 0, err);
        Assert.Contains("squeezenet1.1", output);
        var (header, rows) = SweepCsv.Parse(File.ReadAllText(Path.Combine(dir, "compare.csv")));
        Assert.Equal(["model", "macs", "weights", "energy", "cycles", "stall_cycles", "fill_drain_cycles", "milliseconds", "utilization", "energy_per_mac",
            "energy_unit", "dram_bytes"], header);
        Assert.Equal(["lenet5", "squeezenet1.1"], rows.Select(r => r[0]));
        Assert.True(File.Exists(Path.Combine(dir, "macs-vs-energy.svg")));
        Assert.True(File.Exists(Path.Combine(dir, "macs-vs-latency.svg")));
        Assert.True(File.Exists(Path.Combine(dir, "macs-vs-latency.png")));
        Assert.StartsWith("series,label,x,y,", File.ReadAllText(Path.Combine(dir, "macs-vs-latency.csv")));
        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("2 models on eyeriss, side by side.", html);
        Assert.Contains("squeezenet1.1: ", html);
    }

    [Fact]
    public void Compare_dense_vs_depthwise_reports_every_part_of_every_configuration()
    {
        var dir = CliRunner.TempDir();
        var (exit, _, err) = CliRunner.Run("compare", "--layers", "dense-vs-depthwise", "--arch", "eyeriss", "--channels", "32,128", "--sizes", "14,7", "--out", dir);
        Assert.True(exit == 0, err);
        var (header, rows) = SweepCsv.Parse(File.ReadAllText(Path.Combine(dir, "compare-layers.csv")));
        Assert.Equal(16, rows.Count);
        int part = Array.IndexOf(header, "part"), macs = Array.IndexOf(header, "macs");
        // A depthwise-separable block needs 1/9 + 1/C of the dense MACs.
        var c128 = rows.Where(r => r[0] == "128" && r[1] == "14").ToDictionary(r => r[part], r => long.Parse(r[macs]));
        Assert.Equal(c128["dense"] * (1.0 / 9 + 1.0 / 128), c128["separable"], 1e-6 * c128["dense"]);
        foreach (var f in new[] { "energy-per-mac-vs-channels", "utilization-vs-channels", "ratios" })
            foreach (var ext in new[] { ".svg", ".png", ".csv" })
                Assert.True(File.Exists(Path.Combine(dir, f + ext)), f + ext);
        Assert.Contains("Latency saves least at C=", File.ReadAllText(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public void Compare_needs_exactly_one_of_models_or_layers()
    {
        var (exit, _, err) = CliRunner.Run("compare", "--arch", "eyeriss");
        Assert.Equal(2, exit);
        Assert.Contains("exactly one of --models or --layers", err);
        Assert.Equal(2, CliRunner.Run("compare", "--layers", "dense-vs-sparse").Exit);
    }
}
