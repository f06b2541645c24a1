using AccelSim.Architecture;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;
using AccelSim.Workloads;

namespace AccelSim.Tests.Energy;

/// <summary>
/// Network energy by topology (docs/energy.md): one hand-computed case per network kind on a 4 x 8 array with a
/// 0.5 mm PE pitch and 0.2 pJ/bit/mm wire (0.1 pJ per bit per pitch), 32-bit parent words and 8-bit PE words.
/// </summary>
public class NetworkPricingTests
{
    private static Accelerator Arch(string fanoutExtra, string network) => ArchitectureYaml.Parse($$"""
        name: wires
        clock_mhz: 500
        energy_table: horowitz-45nm
        levels:
          - name: DRAM
            class: dram
            word_bits: 8
          - name: Buffer
            class: sram
            capacity: 8KB
            word_bits: 32
            fanout:
              x: 4
              y: 8
              {{fanoutExtra}}
              network: {{network}}
          - name: Regs
            class: regfile
            capacity: 16
            word_bits: 8
        mac:
          bits: 8
        """, "w.yaml");

    private const string Geometry = "pe_pitch_mm: 0.5\n      wire_pj_per_bit_mm: 0.2";

    private static double PerWord(Accelerator arch, TensorKind tensor) => NetworkPricing.EnergyPerWord(arch, 1, tensor);

    [Fact]
    public void SystolicLinksMoveAWordOnePitchAndEdgePortsCostNothingAcross()
    {
        var arch = Arch("systolic: true\n      " + Geometry, "{forward: {x: [inputs], y: [weights, outputs]}}");
        Assert.Equal(1 * 8 * 0.1, PerWord(arch, TensorKind.Inputs), 12);   // one neighbour link at 8 bits
        Assert.Equal(1 * 32 * 0.1, PerWord(arch, TensorKind.Outputs), 12); // one link down the column at 32 bits
    }

    [Fact]
    public void AMulticastBusSpansItsReceiversOnePitchEachPlusTheShareOfTheWayToTheBus()
    {
        var arch = Arch(Geometry, "{multicast: {y: [inputs]}}");
        // Bus of 8 pitches for 8 receivers (1 per word) + 4/2 pitches across X shared by those 8: 1.25 pitches.
        Assert.Equal(1.25 * 8 * 0.1, PerWord(arch, TensorKind.Inputs), 12);
    }

    [Fact]
    public void AnAdderTreeCostsHalfLog2OfItsLeavesPerWord()
    {
        var arch = Arch(Geometry, "{reduction: {x: true, y: false}}");
        // Tree over 4 leaves: log2(4)/2 = 1 pitch per word; the sums then cross 8/2 pitches of Y, shared by 4 words.
        Assert.Equal(2 * 32 * 0.1, PerWord(arch, TensorKind.Outputs), 12);
    }

    [Fact]
    public void UnicastGoesPointToPointFromTheMiddleOfEachAxis()
    {
        var arch = Arch(Geometry, "{}");
        Assert.Equal((4 / 2.0 + 8 / 2.0) * 8 * 0.1, PerWord(arch, TensorKind.Weights), 12);
    }

    [Fact]
    public void ArrayAreaGivesThePitchAndTheTableGivesTheWire()
    {
        var arch = Arch("array_area_mm2: 8", "{forward: {x: [inputs]}}"); // 8 mm^2 / 32 PEs: 0.5 mm pitch
        var wire = arch.Levels[1].Fanout!.Network.Wire!;
        Assert.Equal(0.5, wire.PePitchMm, 12);
        Assert.Equal(0.146, wire.PicojoulesPerBitMm, 12);
    }

    [Fact]
    public void WithoutGeometryEveryWordPaysTheFlatHop()
    {
        var arch = Arch("", "{forward: {x: [inputs]}}");
        Assert.Null(arch.Levels[1].Fanout!.Network.Wire);
        Assert.Equal(0.1 * 32, PerWord(arch, TensorKind.Inputs), 12);
        Assert.Equal(0.1 * 32, PerWord(arch, TensorKind.Outputs), 12);
    }

    [Theory]
    [InlineData("pe_pitch_mm: 0.5\n      array_area_mm2: 8", "array_area_mm2: give pe_pitch_mm or array_area_mm2, not both")]
    [InlineData("wire_pj_per_bit_mm: 0.2", "wire_pj_per_bit_mm: needs pe_pitch_mm or array_area_mm2")]
    [InlineData("pe_pitch_mm: -1", "pe_pitch_mm")]
    public void BadGeometryIsOneLine(string extra, string expected)
    {
        var e = Assert.ThrowsAny<InputException>(() => Arch(extra, "{}"));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
