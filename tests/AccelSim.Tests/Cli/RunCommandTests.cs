using System.Globalization;
using System.Text.Json;
using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Tests.Support;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Cli;

/// <summary>The main job end to end: AlexNet on eyeriss, then the files it leaves.</summary>
public class RunCommandTests
{
    [Fact]
    public void MainJobWritesConsistentLayersSummaryAndMappings()
    {
        var dir = CliRunner.TempDir();
        var (exit, output, error) = CliRunner.Run("run", "--model", "alexnet", "--arch", "eyeriss", "--out", dir);
        Assert.True(exit == 0, error);
        Assert.Contains("total", output);

        var model = ModelZoo.Get("alexnet");
        var arch = ArchitectureLibrary.Load("eyeriss");
        var lines = File.ReadAllLines(Path.Combine(dir, "layers.csv"));
        var header = lines[0].Split(',');
        foreach (var column in new[] { "layer", "kind", "macs", "weights", "cycles", "stall_cycles", "fill_drain_cycles", "utilization", "energy", "energy_per_mac", "energy_unit", "dram_bytes", "energy_mac" })
            Assert.Contains(column, header);
        foreach (var level in arch.Levels) Assert.Contains($"energy_{level.Name.ToLowerInvariant()}", header);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(model.Layers.Count - 1, rows.Count); // every layer but the input

        double Sum(string column) => rows.Sum(r => double.Parse(r[Array.IndexOf(header, column)], CultureInfo.InvariantCulture));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var s = summary.RootElement;
        Assert.Equal(model.TotalMacs, s.GetProperty("macs").GetInt64());
        Assert.Equal(model.TotalMacs, (long)Sum("macs"));
        Assert.Equal(Sum("cycles"), s.GetProperty("cycles").GetInt64());
        Assert.Equal(Sum("energy"), s.GetProperty("energy").GetDouble(), 6);
        Assert.Equal(Sum("dram_bytes"), s.GetProperty("dram_bytes").GetInt64());
        // The energy columns add up to each layer's total.
        var parts = header.Where(h => h.StartsWith("energy_") && h is not ("energy_per_mac" or "energy_unit") && !h.StartsWith("energy_weights") && !h.StartsWith("energy_inputs") && !h.StartsWith("energy_outputs")).ToList();
        foreach (var r in rows)
            Assert.Equal(double.Parse(r[Array.IndexOf(header, "energy")], CultureInfo.InvariantCulture),
                parts.Sum(p => double.Parse(r[Array.IndexOf(header, p)], CultureInfo.InvariantCulture)), 3);

        // Every MAC layer's mapping can be loaded back and is valid for its layer.
        var mappings = Path.Combine(dir, "mappings.yaml");
        foreach (var layer in model.MacLayers)
        {
            var mapping = MappingYaml.Load(mappings, arch, layer.Name);
            Assert.Empty(MappingValidator.Check(layer.Problem!, arch, mapping));
        }
        Assert.Empty(Directory.GetFiles(dir, "*.tmp-*"));

        // ReLUs ride on their conv's write-back (no DRAM traffic); LRN needs neighbouring channels and runs on its own.
        string Cell(string layer, string column) => rows.Single(r => r[0] == layer)[Array.IndexOf(header, column)];
        Assert.Equal("conv1", Cell("conv1_relu", "fused_into"));
        Assert.Equal("0", Cell("conv1_relu", "dram_bytes"));
        Assert.Equal("", Cell("norm1", "fused_into"));
        Assert.NotEqual("0", Cell("norm1", "dram_bytes"));
    }

    [Fact]
    public void UnwritableOutputFolderGivesOneLineAndNoFiles()
    {
        var dir = CliRunner.TempDir();
        var blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "");
        var (exit, _, error) = CliRunner.Run("run", "--model", "lenet5", "--out", Path.Combine(blocker, "sub"));
        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void BatchReusesWeightsSoEnergyPerInferenceFalls()
    {
        string one = CliRunner.TempDir(), four = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("run", "--model", "lenet5", "--out", one).Exit);
        Assert.Equal(0, CliRunner.Run("run", "--model", "lenet5", "--batch", "4", "--out", four).Exit);
        double E(string d) => JsonDocument.Parse(File.ReadAllText(Path.Combine(d, "summary.json"))).RootElement.GetProperty("energy").GetDouble();
        Assert.True(E(four) / 4 < E(one), $"batch 4 per inference {E(four) / 4} vs batch 1 {E(one)}");
    }
}

/// <summary>Parse errors (unknown options, values of the wrong type) give the error and a pointer to --help, exit code 2.</summary>
public class ParseErrorTests
{
    [Theory]
    [InlineData("run", "--modle", "x")]
    [InlineData("run", "--batch", "abc")]
    [InlineData("nosuchcommand")]
    public void ParseErrorsExitWith2AndNameTheProblem(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error);
        Assert.Contains("--help", error);
        Assert.DoesNotContain("Usage:", output);
    }
}
