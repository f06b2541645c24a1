using AccelSim.Tests.Support;

namespace AccelSim.Tests.Cli;

/// <summary>Result folders written before the unit-free schema (energy_pj, pj_per_mac, unit "MAC") are still read, or refused clearly.</summary>
public class LegacyResultsTests
{
    // Rewrites a fresh folder into the 0.1 schema: *_pj columns and keys, and the normalized unit called "MAC".
    private static void Downgrade(string dir)
    {
        string csv = Path.Combine(dir, "layers.csv");
        var lines = File.ReadAllLines(csv);
        lines[0] = string.Join(",", lines[0].Split(',').Select(h => h switch
        {
            "energy_per_mac" => "pj_per_mac",
            "energy_unit" or "fill_drain_cycles" => h,
            _ when h.StartsWith("energy", StringComparison.Ordinal) => h + "_pj",
            _ => h,
        }));
        File.WriteAllLines(csv, lines);
        string json = Path.Combine(dir, "summary.json");
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"energy\":", "\"energy_pj\":").Replace("\"energy_per_mac\":", "\"pj_per_mac\":")
            .Replace("\"energy_by_level\":", "\"energy_by_level_pj\":").Replace("\"xMAC\"", "\"MAC\""));
    }

    [Fact]
    public void PlotRedrawsAFolderOfTheOldSchemaWithTheSameFigures()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("run", "--model", "lenet5", "--energy-table", "eyeriss-normalized", "--out", dir, "--quiet").Exit);
        string before = File.ReadAllText(Path.Combine(dir, "energy-by-level.svg"));
        Downgrade(dir);
        var (exit, _, error) = CliRunner.Run("plot", dir);
        Assert.True(exit == 0, error);
        Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "energy-by-level.svg")));
        Assert.Contains("xMAC", File.ReadAllText(Path.Combine(dir, "report.html")));
    }

    [Fact]
    public void ASweepOfTheOldSchemaIsNotResumedButRefusedClearly()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("sweep", "--model", "lenet5", "--set", "array=6x7", "--out", dir, "--quiet").Exit);
        string csv = Path.Combine(dir, "sweep.csv");
        var lines = File.ReadAllLines(csv);
        lines[0] = lines[0].Replace(",energy,", ",energy_pj,");
        File.WriteAllLines(csv, lines);
        var (exit, _, error) = CliRunner.Run("sweep", "--model", "lenet5", "--set", "array=6x7,12x14", "--out", dir, "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("written by AccelSim 0.1", error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
