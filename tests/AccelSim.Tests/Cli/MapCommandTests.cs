using System.Text.Json;
using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Tests.Mapping;
using AccelSim.Tests.Support;

namespace AccelSim.Tests.Cli;

public class MapCommandTests
{
    [Fact]
    public void MapPrintsTheLoopNestAndWritesJsonAndAReplayableMapping()
    {
        var dir = CliRunner.TempDir();
        string json = Path.Combine(dir, "conv3.json"), yaml = Path.Combine(dir, "conv3.yaml");
        var (exit, output, error) = CliRunner.Run("map", "--model", "alexnet", "--layer", "conv3", "--arch", "eyeriss", "--json", json, "--save", yaml);
        Assert.True(exit == 0, error);
        Assert.Contains("spatial-for", output);
        Assert.Contains("MAC", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        double energy = root.GetProperty("energy").GetDouble();
        Assert.True(energy >= root.GetProperty("lower_bound_energy").GetDouble());
        Assert.Equal(149_520_384, root.GetProperty("macs").GetInt64());
        Assert.Equal(3, root.GetProperty("levels").GetArrayLength());
        Assert.True(root.GetProperty("search").GetProperty("evaluations").GetInt64() > 0);

        // Replaying the saved mapping gives the same energy.
        var replay = Path.Combine(dir, "replay.json");
        var (exit2, _, error2) = CliRunner.Run("map", "--model", "alexnet", "--layer", "conv3", "--arch", "eyeriss", "--mapping", yaml, "--json", replay);
        Assert.True(exit2 == 0, error2);
        using var doc2 = JsonDocument.Parse(File.ReadAllText(replay));
        Assert.Equal(energy, doc2.RootElement.GetProperty("energy").GetDouble());
    }

    [Fact]
    public void MapShowsTheSimulatedStallsAndWritesACappedTrace()
    {
        var dir = CliRunner.TempDir();
        string trace = Path.Combine(dir, "trace.csv");
        var (exit, output, error) = CliRunner.Run("map", "--model", "alexnet", "--layer", "conv5", "--trace", trace, "--trace-rows", "25");
        Assert.True(exit == 0, error);
        Assert.Contains("simulated:", output);
        Assert.Contains("stalls caused", output);
        var lines = File.ReadAllLines(trace);
        Assert.Equal("level,tensor,kind,words,start,end", lines[0]);
        Assert.Equal(26, lines.Length); // header + the 25 rows kept
    }

    [Fact]
    public void TheDefaultSearchIsDeclaredSoundAndFastHeuristic()
    {
        var dir = CliRunner.TempDir();
        string sound = Path.Combine(dir, "sound.json"), fast = Path.Combine(dir, "fast.json");
        string[] layer = ["map", "--model", "alexnet", "--layer", "conv5", "--arch", "eyeriss", "--simulation-cap", "0"];
        var (exit, output, error) = CliRunner.Run([.. layer, "--json", sound]);
        Assert.True(exit == 0, error);
        Assert.Contains("search (sound: the optimum of the declared space)", output);
        var (exitFast, outputFast, errorFast) = CliRunner.Run([.. layer, "--fast", "--json", fast]);
        Assert.True(exitFast == 0, errorFast);
        Assert.Contains("search (fast, heuristic: ", outputFast);
        Assert.Contains("best-utilized searched), dominated tilings skipped; not proven optimal)", outputFast);
        using var soundDoc = JsonDocument.Parse(File.ReadAllText(sound));
        using var fastDoc = JsonDocument.Parse(File.ReadAllText(fast));
        var soundSearch = soundDoc.RootElement.GetProperty("search");
        Assert.True(soundSearch.GetProperty("sound").GetBoolean());
        Assert.Equal(0, soundSearch.GetProperty("spatial_capped").GetInt64());
        Assert.False(fastDoc.RootElement.GetProperty("search").GetProperty("sound").GetBoolean());
        // The sound search's optimum is never worse than the heuristic's.
        Assert.True(soundDoc.RootElement.GetProperty("energy").GetDouble() <= fastDoc.RootElement.GetProperty("energy").GetDouble());
        // --exhaustive is accepted (it is the default), but not together with --fast.
        Assert.Equal(0, CliRunner.Run([.. layer, "--exhaustive"]).Exit);
        var (exitBoth, _, errorBoth) = CliRunner.Run([.. layer, "--exhaustive", "--fast"]);
        Assert.Equal(2, exitBoth);
        Assert.Equal("error: --fast: cannot be combined with --exhaustive (the sound search)", errorBoth.Trim());
    }

    [Fact]
    public void AnOverflowingHandWrittenMappingIsRejectedWithTheLevelAndTheExcess()
    {
        var dir = CliRunner.TempDir();
        var file = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(file, """
            levels:
              - name: DRAM
                temporal: {M: 384, C: 4}
              - name: GlobalBuffer
                temporal: {P: 13, Q: 13}
                spatial_y: {C: 4, R: 3}
              - name: Spad
                temporal: {C: 16, S: 3}
            """);
        string json = Path.Combine(dir, "out.json");
        var (exit, _, error) = CliRunner.Run("map", "--model", "alexnet", "--layer", "conv3", "--mapping", file, "--json", json);
        Assert.Equal(2, exit);
        Assert.Contains("invalid mapping", error);
        Assert.Contains("level 'Spad' overflows: the inputs tile needs 48 words, its partition holds 12 (over by 36)", error);
        Assert.False(File.Exists(json));
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void FactorsThatDoNotMultiplyOutNameTheDim()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var text = """
            levels:
              - name: DRAM
                temporal: {M: 2}
              - name: GlobalBuffer
              - name: Spad
            """;
        var mapping = MappingYaml.Parse(text, "x.yaml", arch);
        var problems = MappingValidator.Check(MapperInvariantTests.AlexNetConv3, arch, mapping);
        Assert.Contains(problems, p => p.Contains("dim M: factors multiply to 2, the bound is 384"));
    }

    [Fact]
    public void UnknownDimInAMappingFileNamesTheField()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var e = Assert.Throws<AccelSim.Common.InputException>(() => MappingYaml.Parse("levels:\n  - temporal: {K: 2}\n  - {}\n  - {}\n", "m.yaml", arch));
        Assert.Contains("m.yaml: levels[0].temporal.K", e.Message);
    }

    [Theory]
    [InlineData("map", "--model", "nosuchmodel", "--layer", "conv1")]
    [InlineData("map", "--model", "alexnet", "--layer", "pool1")]
    [InlineData("map", "--model", "alexnet", "--layer", "conv1", "--arch", "missing.yaml")]
    [InlineData("map", "--model", "alexnet", "--layer", "conv1", "--dataflow", "zigzag")]
    public void BadArgumentsGiveOneLineAndExitCode2(params string[] args)
    {
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Single(error.Trim().Split('\n'));
    }
}
