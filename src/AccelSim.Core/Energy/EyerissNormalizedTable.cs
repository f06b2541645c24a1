
namespace AccelSim.Energy;

/// <summary>
/// The normalized costs of Eyeriss (Chen et al., ISCA 2016, Fig. 1; Sze et al., Proc. IEEE 2017, Fig. 24), per 16-bit
/// word and relative to one 16-bit MAC: MAC 1, register file 1, array network (inter-PE) 2, global buffer 6, DRAM 200.
/// The paper gives one figure per class, so capacity does not change it; other word widths scale linearly with the
/// width, and MACs of other widths scale by the ratio of Horowitz' 45 nm MAC energies to the 16-bit one.
/// </summary>
public sealed class EyerissNormalizedTable : EnergyTable
{
    /// <summary>The table's name in arch files.</summary>
    public const string TableName = "eyeriss-normalized";

    private const int ReferenceBits = 16;

    public override string Name => TableName;
    // "xMAC": multiples of one 16-bit MAC's energy, never to be read as picojoules.
    public override string Unit => "xMAC";
    public override string Technology => "65nm (normalized)";
    public override string Source => "Chen et al. ISCA 2016 / Sze et al. Proc. IEEE 2017: RF 1, NoC 2, buffer 6, DRAM 200 per 16-bit word, MAC 1";

    public override AccessEnergy? Storage(MemoryClass memoryClass, long? capacityWords, int wordBits)
    {
        double perWord = memoryClass switch
        {
            MemoryClass.Dram => 200,
            MemoryClass.Sram => 6,
            _ => 1,
        } * wordBits / ReferenceBits;
        return new AccessEnergy(perWord, perWord);
    }

    // 1 at the reference (16-bit integer) MAC; other kinds keep Horowitz' relative cost.
    public override double? Mac(int bits, bool floatingPoint = false) =>
        Horowitz45nmTable.MacEnergy(bits, floatingPoint) / Horowitz45nmTable.MacEnergy(ReferenceBits);

    public override double? NetworkPerWordHop(int wordBits) => 2.0 * wordBits / ReferenceBits;

    // A vector op is an add/compare: Horowitz' add energy relative to the 16-bit MAC.
    public override double? VectorOp(int bits) => Horowitz45nmTable.Add(bits) / Horowitz45nmTable.MacEnergy(ReferenceBits);
}
