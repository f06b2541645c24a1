using System.Text.Json;
using AccelSim.Tests.Support;
using AccelSim.Tests.Workloads;

namespace AccelSim.Tests.Robustness;

/// <summary>A DRAM without read_bandwidth is unbounded (docs/arch-format.md): the run completes and JSON holds null, not Infinity.</summary>
public class UnboundedDramTests
{
    [Fact]
    public void ARunOnAnArchWithUnboundedDramWritesValidJson()
    {
        string dir = CliRunner.TempDir();
        string arch = Path.Combine(dir, "unbounded.yaml");
        string text = File.ReadAllText(Path.Combine(Figures.RepoRoot(), "arch-configs", "eyeriss.yaml"));
        File.WriteAllText(arch, text.Replace("    read_bandwidth: 4\n", "", StringComparison.Ordinal));
        Assert.NotEqual(text.Length, File.ReadAllText(arch).Length);
        string folder = Path.Combine(dir, "out");
        var (exit, _, error) = CliRunner.Run("run", "--model", "lenet5", "--arch", arch, "--out", folder);
        Assert.True(exit == 0, error);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        Assert.Equal(JsonValueKind.Null, summary.RootElement.GetProperty("dram_words_per_cycle").ValueKind);
        Assert.True(summary.RootElement.GetProperty("energy").GetDouble() > 0);
        Assert.Equal(0, CliRunner.Run("plot", folder).Exit);
    }
}
