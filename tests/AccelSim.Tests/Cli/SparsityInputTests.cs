using AccelSim.Tests.Support;

namespace AccelSim.Tests.Cli;

/// <summary>Bad densities files and sparse_optimizations give one error line naming the file and the field.</summary>
public class SparsityInputTests
{
    private static (int, string, string) RunWith(string densities)
    {
        string dir = CliRunner.TempDir();
        string file = Path.Combine(dir, "d.yaml");
        File.WriteAllText(file, densities);
        return CliRunner.Run("run", "--model", "lenet5", "--arch", "eyeriss", "--densities", file, "--out", Path.Combine(dir, "out"), "-q");
    }

    [Theory]
    [InlineData("layers:\n  conv1: {inputs: 1.5}\n", "layers.conv1.inputs")]
    [InlineData("layers:\n  conv1: {inputs: 0}\n", "layers.conv1.inputs")]
    [InlineData("layers:\n  conv1: {activations: 0.5}\n", "activations")]
    [InlineData("layers:\n  nosuch: {inputs: 0.5}\n", "layers.nosuch")]
    [InlineData("density: 0.5\n", "density")]
    public void BadDensitiesGiveOneLine(string text, string field) => InputErrorAssert.Holds(RunWith(text), "d.yaml", field);

    [Fact]
    public void DensitiesLowerTheNamedLayersEnergyAndDenseLayersPayTheCodingOverhead()
    {
        string dir = CliRunner.TempDir();
        string file = Path.Combine(dir, "d.yaml");
        File.WriteAllText(file, "layers:\n  c3: {inputs: 0.5, outputs: 0.5}\n");
        var dense = CliRunner.Run("run", "--model", "lenet5", "--arch", "eyeriss", "--out", Path.Combine(dir, "dense"), "-q");
        var sparse = CliRunner.Run("run", "--model", "lenet5", "--arch", "eyeriss", "--densities", file, "--out", Path.Combine(dir, "sparse"), "-q");
        Assert.Equal(0, dense.Item1);
        Assert.Equal(0, sparse.Item1);
        var before = Energies(Path.Combine(dir, "dense", "layers.csv"));
        var after = Energies(Path.Combine(dir, "sparse", "layers.csv"));
        Assert.True(after["c3"] < before["c3"], $"c3: {after["c3"]} vs {before["c3"]}");
        // c1 is not named, so dense: its activations still cross eyeriss' run-length coded DRAM link, at 21.3 bits a word.
        Assert.True(after["c1"] > before["c1"], $"c1: {after["c1"]} vs {before["c1"]}");
    }

    private static Dictionary<string, double> Energies(string csv)
    {
        var lines = File.ReadAllLines(csv);
        int energy = Array.IndexOf(lines[0].Split(','), "energy");
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => double.Parse(f[energy], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("  gating: {level: DRAM, target: weights, condition_on: inputs}", "gating.level")]
    [InlineData("  compression:\n    - {level: GLB, tensors: [inputs], format: run-length, run_bits: 5, value_bits: 16}", "level")]
    [InlineData("  compression:\n    - {level: GlobalBuffer, tensors: [outputs], format: run-length, run_bits: 5, value_bits: 16}", "tensors")]
    [InlineData("  compression:\n    - {level: DRAM, tensors: [inputs], format: huffman, run_bits: 5, value_bits: 16}", "format")]
    [InlineData("  compression:\n    - {level: DRAM, tensors: [inputs], format: run-length, run_bits: 5, value_bits: 16, pairs_per_word: 4, word_bits: 64}", "word_bits")]
    public void BadSparseOptimizationsGiveOneLine(string section, string field)
    {
        string dir = CliRunner.TempDir();
        string arch = Path.Combine(dir, "a.yaml");
        string shipped = File.ReadAllText(Path.Combine(AccelSim.Common.ShippedFiles.FindFolder(AccelSim.Common.ShippedFiles.ArchConfigs)!, "eyeriss.yaml"));
        File.WriteAllText(arch, shipped[..shipped.IndexOf("sparse_optimizations:", StringComparison.Ordinal)] + "sparse_optimizations:\n" + section + "\n");
        InputErrorAssert.Holds(CliRunner.Run("run", "--model", "lenet5", "--arch", arch, "--out", Path.Combine(dir, "out"), "-q"), "a.yaml", field);
    }
}
