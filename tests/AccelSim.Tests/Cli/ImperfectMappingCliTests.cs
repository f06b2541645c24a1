using AccelSim.Tests.Support;

namespace AccelSim.Tests.Cli;

/// <summary>`accelsim map --mapping` with factors that do not divide their bounds.</summary>
public class ImperfectMappingCliTests
{
    // LeNet-5 c1 (P = Q = 28) on Eyeriss with its 14 columns filled by 12 output rows: 3 folds, the last of 4 rows.
    private const string Mapping = """
        levels:
          - name: DRAM
            temporal: {P: 3, Q: 28}
          - name: GlobalBuffer
            temporal: {M: 6}
            spatial_x: {P: 12}
            spatial_y: {R: 5}
          - name: Spad
            temporal: {S: 5}
            keeps: [weights, inputs, outputs]
        """;

    [Fact]
    public void AnImperfectMappingFileIsEvaluatedSimulatedAndPrinted()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "imperfect.yaml");
        File.WriteAllText(file, Mapping);
        var (exit, output, error) = CliRunner.Run("map", "--model", "lenet5", "--layer", "c1", "--arch", "eyeriss", "--mapping", file);
        Assert.True(exit == 0, error);
        Assert.Contains("spatial-for p1 in 0..12", output);
        Assert.Contains("imperfect: its last fold uses 0..4", output);
        // 28 × 28 × 6 × 25 MACs in 3 × 28 × 6 × 5 cycles on 60 PEs: the last fold idles 8 of 12 columns.
        Assert.Contains("compute 2,520", output);
        Assert.Contains("simulated:", output);
    }

    [Fact]
    public void AFactorWithAnIterationThatNeverWorksIsOneErrorLine()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "wasteful.yaml");
        // 10 columns of 3 rows each cover 30 ≥ 28 rows, but the DRAM loop's third pass (rows 28..) would never work.
        File.WriteAllText(file, Mapping.Replace("{P: 3, Q: 28}", "{P: 4, Q: 28}").Replace("{P: 12}", "{P: 10}"));
        var (exit, _, error) = CliRunner.Run("map", "--model", "lenet5", "--layer", "c1", "--arch", "eyeriss", "--mapping", file);
        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("dim P: the temporal factor 4 at level 'DRAM' has iterations that never do work", error);
    }
}
