using AccelSim.Architecture.Timeloop;
using AccelSim.Common;
using AccelSim.Tests.Support;

namespace AccelSim.Tests.Interop;

/// <summary>Accelergy's area reference table read with a Timeloop architecture (issue: Timeloop interoperability).</summary>
public class TimeloopArtTests
{
    [Fact]
    public void TheEyerissLikeArtGivesTimeloopsAreas()
    {
        string folder = TimeloopReferenceTests.Folder("eyeriss_like");
        var arch = TimeloopArchitecture.Load(Path.Combine(folder, "parsed-processed-input.yaml"), null);
        var art = TimeloopArt.Load(Path.Combine(folder, "timeloop-mapper.ART.yaml"), arch);
        var spad = art.Entries.Single(e => e.Component == "weights_spad");
        Assert.Equal((5816.44278, 168L, true), (spad.AreaPerInstanceUm2, spad.Instances, spad.IsLevel));
        // timeloop-mapper.stats.txt: "=== mac === ... Area (total) : 32225.76 um^2" (168 × 191.82).
        var mac = art.Entries.Single(e => e.Component == "mac");
        Assert.False(mac.IsLevel);
        Assert.Equal(32225.76, mac.TotalUm2, 2);
        Assert.Equal(217363.36892 + 168 * (70.091961 + 5816.44278 + 123.627348 + 191.82) + 1.0 + 14 * 1.0, art.TotalUm2, 6);
    }

    [Fact]
    public void MapPrintsTheAreasAndRefusesAnArtOfAnotherDesign()
    {
        string eyeriss = TimeloopReferenceTests.Folder("eyeriss_like"), simba = TimeloopReferenceTests.Folder("simba_like");
        string spec = Path.Combine(eyeriss, "parsed-processed-input.yaml");
        string[] args = ["map", "--model", spec, "--layer", "parsed-processed-input", "--arch", spec, "--ert", Path.Combine(eyeriss, "timeloop-mapper.ERT.yaml"),
            "--mapping", Path.Combine(eyeriss, "timeloop-mapper.map.yaml"), "--counting", "timeloop"];
        var (exit, output, error) = CliRunner.Run([.. args, "--art", Path.Combine(eyeriss, "timeloop-mapper.ART.yaml")]);
        Assert.True(exit == 0, error);
        Assert.Contains("Area (ART, um^2)", output);
        Assert.Matches(@"weights_spad\s*│\s*5,816\.44\s*│\s*168\s*│\s*977,162\.39", output);
        string simbaArt = Path.Combine(simba, "timeloop-mapper.ART.yaml");
        (exit, _, error) = CliRunner.Run([.. args, "--art", simbaArt]);
        Assert.Equal(2, exit);
        // simba_like's inter_PE_spatial is one instance; eyeriss_like's is 14 (one per PE column).
        Assert.Equal($"error: {simbaArt}: ART.tables[1].name: 'System_top_level.inter_PE_spatial[1..1]' has 1 instances, level inter_PE_spatial of 'parsed-processed-input' has 14", error.Trim());
    }

    [Fact]
    public void RunWritesTheAreasToSummaryJson()
    {
        string eyeriss = TimeloopReferenceTests.Folder("eyeriss_like"), spec = Path.Combine(eyeriss, "parsed-processed-input.yaml");
        string dir = Path.Combine(CliRunner.TempDir(), "out");
        var (exit, _, error) = CliRunner.Run("run", "--model", spec, "--arch", spec, "--ert", Path.Combine(eyeriss, "timeloop-mapper.ERT.yaml"),
            "--art", Path.Combine(eyeriss, "timeloop-mapper.ART.yaml"), "--out", dir, "--quiet", "--fast"); // areas, not the search
        Assert.True(exit == 0, error);
        var area = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")))!["area_um2"]!;
        Assert.Equal(977162.387, (double)area["weights_spad"]!, 3);
        Assert.Equal(1259311.36, (double)area["total"]!, 2);
    }

    [Theory]
    [InlineData("ART:\n  tables:\n    - name: a.DRAM[1..1]\n", "ART.tables[0].area: missing")]
    [InlineData("ART:\n  tables:\n    - name: a.DRAM[1..1]\n      area: -1\n", "ART.tables[0].area: must be a non-negative number, got -1")]
    [InlineData("ART:\n  tables:\n    - name: a.DRAM[1..2]\n      area: 1\n", "ART.tables[0].name: 'a.DRAM[1..2]' has 2 instances, level DRAM of")]
    [InlineData("nothing: 1\n", "ART: missing")]
    [InlineData("ART:\n  tables:\n    - name: a.DRAM[1..1]\n      area: 0\n", "ART.tables: no table for level 'shared_glb'")]
    public void BadArtsGetOneLine(string text, string expected)
    {
        string file = Path.Combine(CliRunner.TempDir(), "bad.ART.yaml");
        File.WriteAllText(file, text);
        var arch = TimeloopArchitecture.Load(Path.Combine(TimeloopReferenceTests.Folder("eyeriss_like"), "parsed-processed-input.yaml"), null);
        var e = Assert.Throws<InputException>(() => TimeloopArt.Load(file, arch));
        Assert.StartsWith($"{file}: ", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
