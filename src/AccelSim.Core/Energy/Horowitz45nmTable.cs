
namespace AccelSim.Energy;

/// <summary>
/// 45 nm energies in pJ from Horowitz, "Computing's energy problem (and what we can do about it)", ISSCC 2014:
/// integer add 0.03/0.05/0.1 pJ (8/16/32-bit), integer multiply 0.2/3.1 pJ (8/32-bit; 16-bit interpolated in log-log,
/// i.e. the geometric mean 0.79 pJ), fp16 add 0.4 / mult 1.1, fp32 add 0.9 / mult 3.7; SRAM read of 64 bits 10 pJ at
/// 8 KB, 20 pJ at 32 KB, 100 pJ at 1 MB (log-log between the points, end slopes beyond, linear in word width);
/// register files follow the same curve below 8 KB; DRAM 20 pJ per bit (1.28 nJ per 64 bits, the low end of the
/// published 1.3–2.6 nJ, as in Han et al.'s 640 pJ per 32-bit word). See docs/energy.md.
/// </summary>
public sealed class Horowitz45nmTable : EnergyTable
{
    /// <summary>The table's name in arch files.</summary>
    public const string TableName = "horowitz-45nm";

    /// <summary>64-bit SRAM read energy (pJ) against capacity (bytes), through the three published points.</summary>
    public static readonly LogLogCurve Sram64BitRead = new((8 * 1024, 10), (32 * 1024, 20), (1024 * 1024, 100));

    /// <summary>DRAM energy per bit (pJ): 640 pJ per 32-bit word.</summary>
    public const double DramPerBit = 20.0;

    /// <summary>
    /// On-chip network energy per bit per hop (pJ): an assumption of ~0.1 pJ/bit for about 1 mm of 45 nm wire
    /// (a PE pitch), which makes a 16-bit hop about twice a 16-bit MAC, the ratio Eyeriss reports.
    /// </summary>
    public const double NetworkPerBitHop = 0.1;

    /// <summary>
    /// On-chip wire energy per bit per millimetre (pJ) at 45 nm, 0.9 V: Accelergy's wire plugin (tanner-andrulis/
    /// accelergy-wire-plugin, wire_energy_per_unit_length) with its 45 nm capacitance (335 fF/mm, between its 35 and
    /// 50 nm entries), full swing at Horowitz' 0.9 V, switching activity 0.5 (random data) and delay penalty 1
    /// (docs/energy.md). Used only by fan-outs that give their PE pitch or array area.
    /// </summary>
    public const double WirePerBitMmFigure = 0.146;

    /// <inheritdoc/>
    public override double? WirePerBitMm => WirePerBitMmFigure;

    private static readonly LogLogCurve IntAdd = new((8, 0.03), (16, 0.05), (32, 0.1));
    private static readonly LogLogCurve IntMult = new((8, 0.2), (32, 3.1));
    private static readonly LogLogCurve FpAdd = new((16, 0.4), (32, 0.9));
    private static readonly LogLogCurve FpMult = new((16, 1.1), (32, 3.7));

    public override string Name => TableName;
    public override string Unit => "pJ";
    public override string Technology => "45nm";
    public override string Source => "Horowitz, ISSCC 2014 (45 nm, 0.9 V)";

    /// <summary>Integer or floating-point multiply energy at <paramref name="bits"/>.</summary>
    public static double Multiply(int bits, bool floatingPoint = false) => (floatingPoint ? FpMult : IntMult).At(bits);

    /// <summary>Integer or floating-point add energy at <paramref name="bits"/>.</summary>
    public static double Add(int bits, bool floatingPoint = false) => (floatingPoint ? FpAdd : IntAdd).At(bits);

    /// <summary>Integer or floating-point MAC energy (a multiply and an add) at <paramref name="bits"/>; other tables scale by it.</summary>
    public static double MacEnergy(int bits, bool floatingPoint = false) => Multiply(bits, floatingPoint) + Add(bits, floatingPoint);

    /// <summary>SRAM (and register-file) energy per word for a given capacity in bytes and word width.</summary>
    public static double SramPerWord(double capacityBytes, int wordBits) => Sram64BitRead.At(capacityBytes) * wordBits / 64.0;

    public override AccessEnergy? Storage(MemoryClass memoryClass, long? capacityWords, int wordBits)
    {
        if (memoryClass == MemoryClass.Dram) return new AccessEnergy(DramPerBit * wordBits, DramPerBit * wordBits);
        // A bounded on-chip level always has a capacity; without one, charge the 8 KB reference point.
        double bytes = capacityWords is long words ? Math.Max(1.0, words * (double)wordBits / 8) : 8 * 1024;
        double perWord = SramPerWord(bytes, wordBits);
        // Horowitz gives read energy only; writes are taken equal (as Accelergy's simple SRAM estimators do).
        return new AccessEnergy(perWord, perWord);
    }

    public override double? Mac(int bits, bool floatingPoint = false) => MacEnergy(bits, floatingPoint);

    public override double? NetworkPerWordHop(int wordBits) => NetworkPerBitHop * wordBits;

    public override double? VectorOp(int bits) => Add(bits);
}
