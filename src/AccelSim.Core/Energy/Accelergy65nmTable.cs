
namespace AccelSim.Energy;

/// <summary>
/// 65 nm energies in pJ, the process of the Eyeriss chip, taken from the energy reference table (ERT) that Accelergy
/// (CACTI, Aladdin and library plug-ins) computes for Timeloop's <c>eyeriss_like</c> design at <c>technology: 65nm</c>
/// (timeloop-accelergy-exercises, example_designs/eyeriss_like/ref_outputs/default_problem/timeloop-mapper.ERT.yaml):
/// LPDDR4 DRAM 512 pJ per 64-bit access; the 128 KiB global buffer (16384 x 64 bit, 32 banks) 18.18 pJ read and 14.14 pJ
/// write per 64-bit access; register files of 12, 16 and 192 16-bit words 0.2024/0.1767, 0.2513/0.2191 and
/// 1.9766/1.8817 pJ per read/write; an 8-bit multiply with 16-bit accumulate 0.2077 pJ.
/// Where AccelSim needs a figure the ERT does not give, it is derived and the derivation is stated (docs/energy.md):
/// other SRAM capacities follow the shape of Horowitz' SRAM curve through the 128 KiB point; register files follow a
/// log-log curve through the three ERT points; storage scales linearly in word width; MACs of other widths scale by the
/// ratio of Horowitz' MAC energies; an array-network hop is twice a small register-file access, the ratio Eyeriss
/// measured (Chen et al., ISCA 2016: RF 1x, NoC 2x); a vector op is the MAC's energy times Horowitz' add/MAC ratio;
/// wire energy per bit per mm, for fan-outs that give their geometry, from Accelergy's wire plugin at 65 nm and 1 V.
/// Leakage is not charged.
/// </summary>
public sealed class Accelergy65nmTable : EnergyTable
{
    /// <summary>The table's name in arch files.</summary>
    public const string TableName = "accelergy-65nm";

    /// <summary>DRAM (LPDDR4) energy per bit: 512 pJ per 64-bit access.</summary>
    public const double DramPerBit = 512.0 / 64;

    /// <summary>Global-buffer energy per bit at the ERT's 128 KiB point.</summary>
    public static readonly AccessEnergy SramPerBitAt128KiB = new(18.183829 / 64, 14.137929 / 64);

    private const double SramReferenceBytes = 128 * 1024;

    /// <summary>Register-file energy per 16-bit word against capacity in bytes (read and write curves).</summary>
    private static readonly LogLogCurve RegfileRead = new((24, 0.202442), (32, 0.2513), (384, 1.976602));
    private static readonly LogLogCurve RegfileWrite = new((24, 0.176713), (32, 0.2191), (384, 1.881657));

    /// <summary>The ERT's MAC: 8-bit multiplier, 16-bit adder.</summary>
    public const double Mac8Bit = 0.207692;

    private const int MacReferenceBits = 8;

    public override string Name => TableName;
    public override string Unit => "pJ";
    public override string Technology => "65nm";
    public override string Source => "Accelergy ERT of Timeloop's eyeriss_like at 65 nm (CACTI/Aladdin/library plug-ins); derivations in docs/energy.md";

    public override AccessEnergy? Storage(MemoryClass memoryClass, long? capacityWords, int wordBits)
    {
        if (memoryClass == MemoryClass.Dram) return new AccessEnergy(DramPerBit * wordBits, DramPerBit * wordBits);
        double bytes = capacityWords is long words ? Math.Max(1.0, words * (double)wordBits / 8) : SramReferenceBytes;
        if (memoryClass == MemoryClass.RegisterFile)
        {
            double widthScale = wordBits / 16.0;
            return new AccessEnergy(RegfileRead.At(bytes) * widthScale, RegfileWrite.At(bytes) * widthScale);
        }
        // The shape of Horowitz' SRAM curve, anchored at CACTI's 128 KiB figure.
        double capacityScale = Horowitz45nmTable.Sram64BitRead.At(bytes) / Horowitz45nmTable.Sram64BitRead.At(SramReferenceBytes);
        return new AccessEnergy(SramPerBitAt128KiB.Read * wordBits * capacityScale, SramPerBitAt128KiB.Write * wordBits * capacityScale);
    }

    public override double? Mac(int bits, bool floatingPoint = false) =>
        Mac8Bit * Horowitz45nmTable.MacEnergy(bits, floatingPoint) / Horowitz45nmTable.MacEnergy(MacReferenceBits);

    /// <summary>
    /// On-chip wire energy per bit per millimetre (pJ) at 65 nm and Eyeriss' 1 V core: Accelergy's wire plugin
    /// (tanner-andrulis/accelergy-wire-plugin, wire_energy_per_unit_length) with its capacitance table interpolated to
    /// 65 nm (361.5 fF/mm between its 50 nm 345 and 70 nm 367 entries), full swing at 1 V, switching activity 0.5 and
    /// delay penalty 1, the choices of the 45 nm figure (docs/energy.md): 0.5 x 1 V^2 x 361.5 fF x 1.0767 = 0.1946 pJ.
    /// Used only by fan-outs that give their PE pitch or array area.
    /// </summary>
    public const double WirePerBitMmFigure = 0.195;

    /// <inheritdoc/>
    public override double? WirePerBitMm => WirePerBitMmFigure;

    public override double? NetworkPerWordHop(int wordBits) => 2 * RegfileRead.At(24) * wordBits / 16.0;

    public override double? VectorOp(int bits) => Mac(bits) * Horowitz45nmTable.Add(bits) / Horowitz45nmTable.MacEnergy(bits);
}
