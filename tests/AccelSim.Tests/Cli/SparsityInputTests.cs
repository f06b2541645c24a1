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
