using AccelSim.Tests.Support;

namespace AccelSim.Tests.Cli;

/// <summary>`accelsim map --mapping` with a flattened axis: SCALE-Sim's weight-stationary im2col on AlexNet conv1.</summary>
public class FlattenedMappingCliTests
{
    // Rows = C*R*S (363 = 11 folds of 32 and one of 11), columns = M (3 folds of 32), output pixels streamed per PE.
    private const string Mapping = """
        flatten: [[C, R, S]]
        levels:
          - name: DRAM
            temporal: {C*R*S: 12, M: 3, P: 5}
            order: [P, M, C*R*S]
          - name: GlobalBuffer
            spatial_x: {M: 32}
            spatial_y: {C*R*S: 32}
          - name: PERegisters
            temporal: {P: 11, Q: 55}
            keeps: [weights]
        """;

    private static string File()
    {
        var file = Path.Combine(CliRunner.TempDir(), "im2col.yaml");
        System.IO.File.WriteAllText(file, Mapping);
        return file;
    }

    [Fact]
    public void AFlattenedMappingFileIsEvaluatedSimulatedAndPrinted()
    {
        var (exit, output, error) = CliRunner.Run("map", "--model", "alexnet", "--layer", "conv1", "--arch", "systolic-32x32", "--mapping", File());
        Assert.True(exit == 0, error);
        Assert.Contains("spatial-for c*r*s1 in 0..32", output);
        Assert.Contains("imperfect: its last pass runs 0..12, the last of them 11 of 32", output);
        // 12 row folds (all with work) x 3 column folds x 5 x 11 x 55 output pixels.
        Assert.Contains("compute 108,900", output);
        Assert.Contains("simulated:", output);
    }

    [Theory]
    [InlineData("--save-timeloop", "out.yaml", "flatten: C*R*S: flattened dims have no Timeloop form")]
    [InlineData("--counting", "timeloop", "flattened dims (C*R*S) are counted with AccelSim's rules only")]
    public void TimeloopFormsAndRulesRefuseFlattenedDimsByName(string option, string value, string expected)
    {
        string file = File();
        if (option == "--save-timeloop") value = Path.Combine(Path.GetDirectoryName(file)!, value);
        var result = CliRunner.Run("map", "--model", "alexnet", "--layer", "conv1", "--arch", "systolic-32x32", "--mapping", file, option, value);
        InputErrorAssert.Holds(result, expected);
        if (option == "--save-timeloop") Assert.False(System.IO.File.Exists(value));
    }
}
