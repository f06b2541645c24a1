using AccelSim.Cli;
using AccelSim.Common;

namespace AccelSim.Tests.Architecture;

public class ArchCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Support.CliRunner.Run(args);

    [Fact]
    public void ShowsEyerissAsATree()
    {
        var (code, output, error) = Run("arch", "eyeriss");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Spad [regfile, pe] × 168", output);
        Assert.Contains("capacity 55,296 words (108 KiB), 16-bit words", output);
        Assert.Contains("partitions weights 224, inputs 12, outputs 24 words", output);
        Assert.Contains("fan-out 12 rows × 14 columns (y × x) = 168, network row-stationary-noc: x multicast weights, inputs, no reduction; y multicast weights, inputs, reduces", output);
        Assert.Contains("energy read 128 / write 128 pJ per word", output);
        Assert.Contains("inputs partition energy read 0.2024 / write 0.1767 pJ per word", output);
        Assert.Contains("peak MACs/cycle", output);
        Assert.Contains("168 (33.6 GMAC/s)", output);
        Assert.Contains("200 MHz", output);
        Assert.Contains("accelergy-65nm", output);
    }

    [Fact]
    public void ANetworkPricedByItsGeometryShowsItsPerTensorPrice()
    {
        // eyeriss-like: an 8-bit array at Eyeriss' 0.234 mm pitch, 0.195 pJ/bit/mm (docs/energy.md): the flat
        // 0.2024 pJ/word of the file no longer applies, each tensor pays the wire it travels.
        var arch = AccelSim.Architecture.ArchitectureLibrary.Load("eyeriss-like");
        int level = Enumerable.Range(0, arch.Levels.Count).First(i => arch.Levels[i].Fanout is not null);
        double weights = AccelSim.Architecture.NetworkPricing.EnergyPerWord(arch, level, AccelSim.Workloads.TensorKind.Weights);
        var (code, output, _) = Run("arch", "eyeriss-like");
        Assert.Equal(0, code);
        Assert.Contains("by topology at a 234 µm pitch: weights " + weights.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), output);
        Assert.DoesNotContain("0.2024 pJ/word", output);
    }

    [Fact]
    public void WithoutArgumentListsShippedConfigs()
    {
        var (code, output, _) = Run("arch");
        Assert.Equal(0, code);
        foreach (string name in new[] { "eyeriss", "tpu-v1", "systolic-32x32", "shidiannao", "nlr", "simba" }) Assert.Contains(name, output);
        Assert.DoesNotContain("invalid:", output);
    }

    [Fact]
    public void MissingFileExitsTwoWithOneLine()
    {
        var (code, output, error) = Run("arch", "nope.yaml");
        Assert.Equal(CliApp.InputError, code);
        Assert.Equal("", output);
        string[] lines = error.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: nope.yaml: no such file", lines[0]);
    }

    [Fact]
    public void UnknownNameListsAvailableNames()
    {
        var (code, _, error) = Run("arch", "eyerisss");
        Assert.Equal(CliApp.InputError, code);
        Assert.Contains("unknown architecture 'eyerisss'; available: eyeriss,", error);
    }

    [Fact]
    public void ShippedFilesResolveNamesAndPaths()
    {
        string path = ShippedFiles.ResolveArch("eyeriss");
        Assert.EndsWith(Path.Combine("arch-configs", "eyeriss.yaml"), path);
        Assert.Equal(path, ShippedFiles.ResolveArch(path));
        Assert.Equal(path, ShippedFiles.ResolveArch("EYERISS"));
        var e = Assert.Throws<InputException>(() => ShippedFiles.ResolveArch("nope"));
        Assert.Contains("tpu-v1", e.Message);
    }
}
