using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccelSim.Architecture;
using AccelSim.Pipeline;
using AccelSim.Simulation;
using AccelSim.Sweeps;
using AccelSim.Tests.Support;
using AccelSim.Tests.Workloads;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Cli;

/// <summary>Units that never lie, and the things a new user hits first (issue: units).</summary>
public class UnitsTests
{
    public static TheoryData<string> ShippedArchs() => [.. ArchitectureLibrary.Names];

    [Theory]
    [MemberData(nameof(ShippedArchs))]
    public void EveryEnergyFigureStatesItsUnitAndNoNameClaimsOne(string archName)
    {
        var arch = ArchitectureLibrary.Load(archName);
        Assert.Contains(arch.EnergyUnit, new[] { "pJ", "xMAC" });
        // pJ only from a physical table: a normalized table must never be read as picojoules.
        Assert.Equal(arch.EnergyTable == "eyeriss-normalized", arch.EnergyUnit == "xMAC");

        var dir = CliRunner.TempDir();
        var (exit, _, error) = CliRunner.Run("run", "--model", "lenet5", "--arch", archName, "--out", dir, "--quiet");
        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(Path.Combine(dir, "layers.csv"));
        var header = lines[0].Split(',');
        Assert.DoesNotContain(header, h => h.Contains("pj", StringComparison.OrdinalIgnoreCase));
        int unitColumn = Array.IndexOf(header, "energy_unit");
        Assert.True(unitColumn >= 0, "layers.csv has no energy_unit column");
        Assert.All(lines.Skip(1), l => Assert.Equal(arch.EnergyUnit, l.Split(',')[unitColumn]));

        string json = File.ReadAllText(Path.Combine(dir, "summary.json"));
        Assert.DoesNotMatch(new Regex("\"[a-z_]*pj[a-z_]*\"\\s*:", RegexOptions.IgnoreCase), json);
        using var summary = JsonDocument.Parse(json);
        Assert.Equal(arch.EnergyUnit, summary.RootElement.GetProperty("energy_unit").GetString());
        Assert.Equal(arch.EnergyTable, summary.RootElement.GetProperty("energy_table").GetString());
    }

    [Fact]
    public void SweepAndCompareOutputsNameTheirUnitInEveryRow()
    {
        var dir = CliRunner.TempDir();
        var (exit, _, error) = CliRunner.Run("sweep", "--model", "lenet5", "--arch", "eyeriss", "--set", "array=6x7,12x14",
            "--energy-table", "eyeriss-normalized", "--out", dir, "--quiet");
        Assert.True(exit == 0, error);
        var (header, rows) = SweepCsv.Parse(File.ReadAllText(Path.Combine(dir, SweepRunner.CsvName)));
        Assert.DoesNotContain(header, h => h.Contains("pj", StringComparison.OrdinalIgnoreCase));
        Assert.All(rows, r => Assert.Equal("xMAC", r[Array.IndexOf(header, "energy_unit")]));
        // Each point states its array as rows x columns, and the shipped one (12x14) is marked.
        Assert.Equal(["6x7", "12x14"], rows.Select(r => r[Array.IndexOf(header, "pe_array")]));
        Assert.Equal(["no", "yes"], rows.Select(r => r[Array.IndexOf(header, "shipped")]));
        // ... and the sweep's figures label the shipped point.
        Assert.Contains("array=12x14 (shipped)", File.ReadAllText(Path.Combine(dir, "latency-vs-array.svg")));
        Assert.DoesNotContain("array=6x7 (shipped)", File.ReadAllText(Path.Combine(dir, "latency-vs-array.svg")));

        var compare = CliRunner.TempDir();
        (exit, _, error) = CliRunner.Run("compare", "--models", "lenet5", "--arch", "simba", "--out", compare, "--quiet");
        Assert.True(exit == 0, error);
        (header, rows) = SweepCsv.Parse(File.ReadAllText(Path.Combine(compare, "compare.csv")));
        Assert.DoesNotContain(header, h => h.Contains("pj", StringComparison.OrdinalIgnoreCase));
        Assert.All(rows, r => Assert.Equal("pJ", r[Array.IndexOf(header, "energy_unit")]));
    }

    [Fact]
    public void TheDefaultRunPrintsAlexNetsEnergyInJoulesFromASourcedTable()
    {
        // `accelsim` with no arguments: AlexNet on eyeriss, into results/alexnet-eyeriss under the working directory.
        var (exit, output, error) = CliRunner.Run();
        Assert.True(exit == 0, error);
        Assert.Matches(new Regex(@"\d+(\.\d+)? mJ and \d+(\.\d+)? ms per inference \(\d+(\.\d+)? pJ/MAC, accelergy-65nm\)"), output);
        Assert.DoesNotContain("xMAC", output);
        string energyDoc = File.ReadAllText(Path.Combine(Figures.RepoRoot(), "docs", "energy.md"));
        Assert.Contains("accelergy-65nm", energyDoc);
        Assert.Contains("timeloop-mapper.ERT", energyDoc);
    }

    [Theory]
    [InlineData("mobilenet_v2", "mobilenet-v2")]
    [InlineData("efficientnet_b0", "efficientnet-b0")]
    [InlineData("mobilenet_v3_large", "mobilenet-v3-large")]
    [InlineData("vgg-16", "vgg16")]
    [InlineData("ResNet50_v1.5", "resnet50-v1.5")]
    [InlineData("mobilenet_v1_0.5_160", "mobilenet-v1-0.5-160")]
    public void PyTorchStyleNamesResolve(string typed, string zooName) =>
        Assert.Equal(ModelZoo.Get(zooName).Name, ModelZoo.Get(typed).Name);

    [Fact]
    public void ZooNamesStayDistinctWhenNormalized() =>
        Assert.Equal(ModelZoo.Names.Count(), ModelZoo.Names.Select(ZooNames.Normalize).Distinct().Count());

    [Fact]
    public void TheZooSaysWhichResNet50IsTorchvisions()
    {
        var (exit, output, _) = CliRunner.Run("zoo");
        Assert.Equal(0, exit);
        Assert.Contains("torchvision's is resnet50-v1.5", output);
    }

    [Fact]
    public void SweepingTheShippedArrayReproducesRunExactly()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var model = ModelZoo.Get("mobilenet-v1");
        var run = ModelRunner.Run(model, arch, new ModelRunOptions());
        var plan = new SweepPlan([model], arch, [SweepKeys.Parse("array=12x14", arch)], new ModelRunOptions());
        var result = SweepRunner.Run(plan, CliRunner.TempDir(), SweepShard.All);
        var (header, rows) = SweepCsv.Parse(result.Csv);
        Assert.Equal(run.Cycles, long.Parse(rows.Single()[Array.IndexOf(header, "cycles")], CultureInfo.InvariantCulture));
        Assert.Equal("yes", rows.Single()[Array.IndexOf(header, "shipped")]);
    }

    [Fact]
    public void RunReplaysItsOwnMappingsToTheSameLayersCsv()
    {
        var first = CliRunner.TempDir();
        var (exit, _, error) = CliRunner.Run("run", "--model", "mobilenet-v1", "--arch", "eyeriss", "--out", first, "--quiet");
        Assert.True(exit == 0, error);
        var second = CliRunner.TempDir();
        string mappings = Path.Combine(first, "mappings.yaml");
        (exit, _, error) = CliRunner.Run("run", "--model", "mobilenet-v1", "--arch", "eyeriss", "--out", second, "--mappings", mappings, "--quiet");
        Assert.True(exit == 0, error);
        Assert.Equal(File.ReadAllText(Path.Combine(first, "layers.csv")), File.ReadAllText(Path.Combine(second, "layers.csv")));

        // A file written for another batch does not fit: one line naming the file and the layer, nothing written.
        var third = Path.Combine(CliRunner.TempDir(), "out");
        (exit, _, error) = CliRunner.Run("run", "--model", "mobilenet-v1", "--arch", "eyeriss", "--batch", "2", "--out", third, "--mappings", mappings);
        Assert.Equal(2, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(mappings, error);
        Assert.Contains("conv1", error);
        Assert.False(Directory.Exists(third));
    }

    [Fact]
    public void OnASystolicArrayStallsExcludeFillAndDrain()
    {
        var arch = ArchitectureLibrary.Load("systolic-32x32");
        var run = ModelRunner.Run(ModelZoo.Get("alexnet"), arch, new ModelRunOptions());
        foreach (var layer in run.Layers.Where(l => l.Macs > 0).Take(5))
        {
            var sim = CycleSimulator.Run(layer.Problem!, arch, layer.Mapping!);
            Assert.True(layer.FillDrainCycles > 0, $"{layer.Layer}: no fill/drain on a systolic array");
            Assert.Equal(sim.PipelineCycles, layer.FillDrainCycles);
            Assert.Equal(layer.Cycles, layer.ComputeCycles + layer.FillDrainCycles + layer.StallCycles);
            // The stall column is the simulator's attributed stalls (up to the last fractional cycle), not fill/drain.
            Assert.InRange(layer.StallCycles, Math.Floor(sim.StallCycles) - 1, Math.Ceiling(sim.StallCycles) + 1);
        }
    }
}
