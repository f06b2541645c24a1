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

    // Accelergy's wire plugin (tanner-andrulis/accelergy-wire-plugin, accelergywrapper.py, wire_energy_per_unit_length),
    // re-stated here: activity x V^2 x C(node) x (1 + x x 1.07), x on the energy-delay Pareto curve at the delay penalty.
    private static double WirePlugin(double capPfPerMm, double volts, double activity, double delayPenalty)
    {
        const double a = 1.07;
        double dp = delayPenalty + 1, asq = a * a, dpsq = dp * dp;
        double prod1 = asq - 2 * a * dpsq - dpsq + 1;
        double x = (asq * dpsq - Math.Sqrt(Math.Pow(-asq * dpsq + prod1, 2) - 4 * asq) - prod1) / (2 * a);
        return activity * volts * volts * capPfPerMm * (1 + x * a);
    }

    [Theory]
    [InlineData("horowitz-45nm", 0.315 + (0.345 - 0.315) * (45 - 35) / 15.0, 0.9)] // between its 35 and 50 nm entries
    [InlineData("accelergy-65nm", 0.345 + (0.367 - 0.345) * (65 - 50) / 20.0, 1.0)] // between its 50 and 70 nm entries
    public void EachTablesWireFigureIsTheWirePluginsAtItsNodeAndVoltage(string table, double capPfPerMm, double volts)
    {
        double expected = WirePlugin(capPfPerMm, volts, activity: 0.5, delayPenalty: 1);
        Assert.Equal(expected, AccelSim.Energy.EnergyTables.Find(table)!.WirePerBitMm!.Value, 3);
    }

    [Fact]
    public void EyerissLikesNetworkPricedByHandAt65nm()
    {
        // 14 x 12 PEs at 0.234 mm, 0.195 pJ/bit/mm, 8-bit words. Weights: an X bus (1 pitch) and a point-to-point path
        // down Y (12/2 pitches shared by the 14 PEs of a row); inputs: buses on both axes (2 pitches); psums: an adder
        // tree down Y (log2(12)/2) and a point-to-point path across X (14/2 pitches shared by the 12 of a column).
        var arch = ArchitectureLibrary.Load("eyeriss-like");
        double pitch = 8 * 0.234 * 0.195;
        Assert.Equal((1 + 6.0 / 14) * pitch, PerWord(arch, TensorKind.Weights), 12);
        Assert.Equal(2 * pitch, PerWord(arch, TensorKind.Inputs), 12);
        Assert.Equal((Math.Log2(12) / 2 + 7.0 / 12) * pitch, PerWord(arch, TensorKind.Outputs), 12);
    }

    [Fact]
    public void SimbasTwoNetworksPricedByHandFromTheChipletAreaBound()
    {
        // 3.1 mm^2 over 4 x 4 PEs, then a sixteenth of it (0.194 mm^2) over each PE's 8 x 8 lanes; 8-bit words, 45 nm wire.
        var arch = ArchitectureLibrary.Load("simba");
        double wire = AccelSim.Energy.EnergyTables.Find("horowitz-45nm")!.WirePerBitMm!.Value;
        double pe = 8 * Math.Sqrt(3.1 / 16) * wire, lane = 8 * Math.Sqrt(0.194 / 64) * wire;
        // Between PEs: inputs on a bus per axis; psums reduced by an adder tree per axis (log2(4)/2); weights point to
        // point on both axes (4/2 pitches each).
        Assert.Equal(2 * pe, NetworkPricing.EnergyPerWord(arch, 1, TensorKind.Inputs), 12);
        Assert.Equal(2 * pe, NetworkPricing.EnergyPerWord(arch, 1, TensorKind.Outputs), 12);
        Assert.Equal(4 * pe, NetworkPricing.EnergyPerWord(arch, 1, TensorKind.Weights), 12);
        // Lanes: inputs on the Y bus plus a point-to-point path across X (8/2 pitches shared by the 8 of a column);
        // psums by an adder tree along X (log2(8)/2) plus a Y path (8/2 shared by the 8 of a row); weights point to point.
        Assert.Equal((1 + 4.0 / 8) * lane, NetworkPricing.EnergyPerWord(arch, 2, TensorKind.Inputs), 12);
        Assert.Equal((1.5 + 4.0 / 8) * lane, NetworkPricing.EnergyPerWord(arch, 2, TensorKind.Outputs), 12);
        Assert.Equal(8 * lane, NetworkPricing.EnergyPerWord(arch, 2, TensorKind.Weights), 12);
    }

    [Fact]
    public void ShiDianNaosNetworkPricedByHandFromTheChipArea()
    {
        // The whole 4.86 mm^2 chip over 8 x 8 PEs, 16-bit words: weights and inputs on a bus per axis; outputs, which
        // no axis shares or reduces, point to point on both (8/2 pitches each).
        var arch = ArchitectureLibrary.Load("shidiannao");
        double pitch = 16 * Math.Sqrt(4.86 / 64) * AccelSim.Energy.EnergyTables.Find("horowitz-45nm")!.WirePerBitMm!.Value;
        Assert.Equal(2 * pitch, PerWord(arch, TensorKind.Weights), 12);
        Assert.Equal(2 * pitch, PerWord(arch, TensorKind.Inputs), 12);
        Assert.Equal(8 * pitch, PerWord(arch, TensorKind.Outputs), 12);
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
