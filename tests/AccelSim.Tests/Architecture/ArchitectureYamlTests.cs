using AccelSim.Architecture;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;
using AccelSim.Energy;

namespace AccelSim.Tests.Architecture;

public class ArchitectureYamlTests
{
    private const string Valid = """
        name: tiny
        clock_mhz: 500
        energy_table: eyeriss-normalized
        dataflows: [ws, output-stationary]
        levels:
          - name: DRAM
            class: dram
            read_bandwidth: 4
          - name: Buffer
            class: sram
            capacity: 8KB
            keeps: [inputs, outputs]
            fanout:
              x: 4
              y: 2
              network: {multicast: [weights], reduction: true}
          - name: Regs
            class: regfile
            capacity: 16
        mac:
          bits: 16
        """;

    private static Accelerator Parse(string text) => ArchitectureYaml.Parse(text, "x.yaml");

    /// <summary>Parses <see cref="Valid"/> with one substring replaced and returns the single-line error.</summary>
    private static string ErrorOf(string find, string replace)
    {
        Assert.Contains(find, Valid);
        var e = Assert.ThrowsAny<InputException>(() => Parse(Valid.Replace(find, replace)));
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    [Fact]
    public void ValidFileGivesDerivedFigures()
    {
        var arch = Parse(Valid);
        Assert.Equal("tiny", arch.Name);
        Assert.Equal(500e6, arch.ClockHz);
        Assert.Equal(8, arch.PeakMacsPerCycle);
        Assert.Equal(4096 + 8 * 16, arch.OnChipWords);
        Assert.Equal([DataflowNames.WeightStationary, DataflowNames.OutputStationary], arch.Dataflows);
        Assert.Equal(16, arch.Levels[1].Storage.WordBits); // defaults to the MAC width
        Assert.True(double.IsPositiveInfinity(arch.Levels[1].Storage.ReadBandwidth));
        Assert.Equal(TensorSet.All, arch.Levels[2].Storage.Keeps);
    }

    [Fact]
    public void OverridesReplaceTableEntries()
    {
        var arch = Parse(Valid
            .Replace("    capacity: 16\n", "    capacity: 16\n    energy: {read: 2.5, write: 3}\n")
            .Replace("reduction: true}", "reduction: true, energy: 0.5}")
            .Replace("  bits: 16", "  bits: 16\n  energy_per_mac: 0.75"));
        Assert.Equal(new AccessEnergy(2.5, 3), arch.Levels[2].Storage.Energy);
        Assert.Equal(0.5, arch.Levels[1].Fanout!.Network.EnergyPerWord);
        Assert.Equal(0.75, arch.Mac.EnergyPerMac);
        Assert.Equal(6.0, arch.Levels[1].Storage.Energy.Read); // untouched entries still come from the table
    }

    [Fact]
    public void MacLanesAddTheInnermostFanout()
    {
        var arch = Parse(Valid.Replace("  bits: 16", "  bits: 16\n  lanes: 4"));
        Assert.Equal(4, arch.Levels[2].Fanout!.Size);
        Assert.Equal(32, arch.PeakMacsPerCycle);
    }

    [Theory]
    [InlineData("8KB", 4096)]
    [InlineData("1KiB", 512)]
    [InlineData("1MiB", 524_288)]
    [InlineData("100", 100)]
    [InlineData("3B", 1)]
    public void CapacityUnitsConvertWithTheWordWidth(string capacity, long words)
    {
        Assert.Equal(words, Parse(Valid.Replace("capacity: 8KB", $"capacity: {capacity}")).Levels[1].Storage.CapacityWords);
    }

    [Fact]
    public void InlineTableWithoutANeededClassIsRejected() =>
        Assert.Equal(
            "x.yaml: levels[2].class: energy table 'mine' has no regfile entry; add one to energy_table or give levels[2].energy",
            ErrorOf("energy_table: eyeriss-normalized", "energy_table: {name: mine, mac: 1, network: 2, dram: 200, sram: {read: 6, write: 7}}"));

    [Fact]
    public void InlineTableEntriesAreUsed()
    {
        var arch = Parse(Valid.Replace("energy_table: eyeriss-normalized", "energy_table: {name: mine, unit: pJ, mac: 1, network: 2, dram: 200, sram: {read: 6, write: 7}, regfile: 0.5}"));
        Assert.Equal(new AccessEnergy(6, 7), arch.Levels[1].Storage.Energy);
        Assert.Equal(0.5, arch.Levels[2].Storage.Energy.Read);
        Assert.Equal("mine", arch.EnergyTable);
    }

    [Theory]
    [InlineData("capacity: 8KB", "capacity: -4", "x.yaml: levels[1].capacity: must be positive, got -4")]
    [InlineData("capacity: 8KB", "capacity: 0", "x.yaml: levels[1].capacity: must be positive, got 0")]
    [InlineData("capacity: 8KB", "capacity: 1B", "x.yaml: levels[1].capacity: 1B cannot hold one 16-bit word")]
    [InlineData("capacity: 8KB", "capacity: lots", "x.yaml: levels[1].capacity: expected words (e.g. 224) or bytes with a unit (e.g. 108KB, 24MiB), got 'lots'")]
    [InlineData("capacity: 8KB", "capactiy: 8KB", "x.yaml: levels[1].capactiy: unknown key (expected one of: name, class, capacity, partitions, word_bits, read_bandwidth, write_bandwidth, keeps, may_keep, double_buffered, stream_fifo, energy, fanout, constraints, role, partition_energy, leakage_per_cycle)")]
    [InlineData("clock_mhz: 500", "clock_mhz: -1", "x.yaml: clock_mhz: must be positive, got -1")]
    [InlineData("clock_mhz: 500", "clock: 500", "x.yaml: clock: unknown key (expected one of: name, description, clock_mhz, energy_table, dataflows, levels, mac, vector, sparse_optimizations, background_power_mw)")]
    [InlineData("x: 4", "x: 0", "x.yaml: levels[1].fanout.x: must be positive, got 0")]
    [InlineData("y: 2", "y: 2.5", "x.yaml: levels[1].fanout.y: expected a whole number, got 2.5")]
    [InlineData("read_bandwidth: 4", "read_bandwidth: 0", "x.yaml: levels[0].read_bandwidth: must be positive, got 0")]
    [InlineData("bits: 16", "bits: -8", "x.yaml: mac.bits: must be positive, got -8")]
    [InlineData("bits: 16", "bits: 16\n  lanes: 3\n  extra: 1", "x.yaml: mac.extra: unknown key (expected one of: bits, type, lanes, energy_per_mac)")]
    [InlineData("keeps: [inputs, outputs]", "keeps: [inputs, activations]", "x.yaml: levels[1].keeps[1]: unknown tensor 'activations' (expected weights, inputs or outputs)")]
    [InlineData("multicast: [weights]", "multicast: [psum, bias]", "x.yaml: levels[1].fanout.network.multicast[1]: unknown tensor 'bias' (expected weights, inputs or outputs)")]
    [InlineData("dataflows: [ws, output-stationary]", "dataflows: [ws, diagonal-stationary]", "x.yaml: dataflows[1]: unknown dataflow 'diagonal-stationary' (expected one of: weight-stationary, output-stationary, input-stationary, row-stationary, no-local-reuse, rs-timeloop)")]
    [InlineData("energy_table: eyeriss-normalized", "energy_table: tsmc-3nm", "x.yaml: energy_table: unknown energy table 'tsmc-3nm' (expected one of: eyeriss-normalized, horowitz-45nm, accelergy-65nm, or an inline table)")]
    [InlineData("class: sram", "class: flash", "x.yaml: levels[1].class: expected dram, sram or regfile, got 'flash'")]
    [InlineData("class: dram", "class: sram\n    capacity: 4", "x.yaml: levels[0].class: level 0 must be dram (the outermost level), got sram")]
    [InlineData("name: Regs", "name: buffer", "x.yaml: levels[2].name: duplicate level name 'buffer'")]
    [InlineData("    capacity: 16", "    partitions: {weights: 4, inputs: 0}", "x.yaml: levels[2].partitions.inputs: must be positive, got 0")]
    [InlineData("    capacity: 16", "    partitions: {weights: 4, filters: 2}", "x.yaml: levels[2].partitions.filters: weights given twice")]
    [InlineData("    capacity: 16", "    partitions: {weights: 4}\n    keeps: [weights, outputs]", "x.yaml: levels[2].keeps: outputs has no partition in partitions")]
    [InlineData("    capacity: 16", "    capacity: 16\n    partitions: {weights: 4}", "x.yaml: levels[2].partitions: give either capacity (shared) or partitions (per tensor), not both")]
    [InlineData("    capacity: 16", "    energy: {read: -1}\n    capacity: 16", "x.yaml: levels[2].energy.read: must not be negative, got -1")]
    [InlineData("  bits: 16", "  bits: 16\n  lanes: 4", null)]
    [InlineData("name: Buffer", "name: Buffer\n    double_buffered: maybe", "x.yaml: levels[1].double_buffered: expected true or false, got 'maybe'")]
    public void BadFieldsGiveOneLineWithFileAndPath(string find, string replace, string? expected)
    {
        if (expected is null)
        {
            // Control case: the replacement is valid.
            Parse(Valid.Replace(find, replace));
            return;
        }
        Assert.Equal(expected, ErrorOf(find, replace));
    }

    [Fact]
    public void LanesMustAgreeWithAnInnermostFanout()
    {
        string text = Valid.Replace("    capacity: 16", "    capacity: 16\n    fanout: {x: 8}").Replace("  bits: 16", "  bits: 16\n  lanes: 4");
        var e = Assert.Throws<InputException>(() => Parse(text));
        Assert.Equal("x.yaml: mac.lanes: 4 disagrees with the innermost fan-out levels[2].fanout (8x1 = 8)", e.Message);
    }

    [Fact]
    public void MalformedYamlNamesFileAndLine()
    {
        var e = Assert.Throws<InputException>(() => Parse("name: x\nlevels: [\n  - {name: DRAM"));
        Assert.StartsWith("x.yaml: line ", e.Message);
        Assert.Contains(": malformed YAML: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void MissingRequiredSectionsAreNamed()
    {
        Assert.Equal("x.yaml: mac: missing (required: bits)", Assert.Throws<InputException>(() => Parse(Valid[..Valid.IndexOf("mac:", StringComparison.Ordinal)])).Message);
        Assert.Equal("x.yaml: (top level): expected a mapping (name:, levels:, mac:, ...)", Assert.Throws<InputException>(() => Parse("- a\n- b")).Message);
        Assert.Equal("x.yaml: levels[2].capacity: missing (on-chip levels need capacity or partitions)",
            Assert.Throws<InputException>(() => Parse(Valid.Replace("    capacity: 16\n", ""))).Message);
    }

    [Fact]
    public void LoadNamesTheMissingFile()
    {
        var e = Assert.Throws<InputException>(() => ArchitectureYaml.Load("no/such/arch.yaml"));
        Assert.Equal("no/such/arch.yaml: no such file", e.Message);
    }

    [Fact]
    public void LoadReportsErrorsWithThePathGiven()
    {
        string dir = Directory.CreateTempSubdirectory("accelsim-arch").FullName;
        try
        {
            string file = Path.Combine(dir, "bad.yaml");
            File.WriteAllText(file, Valid.Replace("capacity: 8KB", "capacity: -4"));
            var e = Assert.Throws<InputException>(() => ArchitectureYaml.Load(file));
            Assert.Equal($"{file}: levels[1].capacity: must be positive, got -4", e.Message);
            // Nothing is written next to the bad file.
            Assert.Single(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, true); }
    }
}
