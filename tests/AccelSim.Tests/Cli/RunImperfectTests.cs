using AccelSim.Tests.Support;

namespace AccelSim.Tests.Cli;

/// <summary>`accelsim run --imperfect`: every layer searched with imperfect factors and flattened axes too.</summary>
public class RunImperfectTests
{
    [Fact]
    public void AWholeModelRunsWithTheImperfectSearch()
    {
        string plain = Path.Combine(CliRunner.TempDir(), "plain"), imperfect = Path.Combine(CliRunner.TempDir(), "imperfect");
        var first = CliRunner.Run("run", "--model", "lenet5", "--arch", "systolic-32x32", "--objective", "latency", "--out", plain, "--quiet");
        Assert.True(first.Exit == 0, first.Err);
        var second = CliRunner.Run("run", "--model", "lenet5", "--arch", "systolic-32x32", "--objective", "latency", "--imperfect", "--out", imperfect, "--quiet");
        Assert.True(second.Exit == 0, second.Err);
        string mappings = File.ReadAllText(Path.Combine(imperfect, "mappings.yaml"));
        // lenet5 on 32 rows: its perfect unrollings already fill what an imperfect or flattened one would (25 = 5 x 5 rows
        // for conv1, 5 folds of 30 for conv2's 150 = C·R·S), so the search keeps them; the run is the same.
        Assert.Equal(File.ReadAllText(Path.Combine(plain, "mappings.yaml")), mappings);
        // Imperfect factors are AccelSim's counting only: one error line, as map --imperfect.
        var timeloop = CliRunner.Run("run", "--model", "lenet5", "--arch", "systolic-32x32", "--imperfect", "--counting", "timeloop", "--out", Path.Combine(CliRunner.TempDir(), "t"), "--quiet");
        Assert.NotEqual(0, timeloop.Exit);
        Assert.Contains("imperfect", timeloop.Err);
    }
}
