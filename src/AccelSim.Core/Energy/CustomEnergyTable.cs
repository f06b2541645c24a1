
namespace AccelSim.Energy;

/// <summary>
/// A flat table written inline in an arch file: one figure per class at a reference word width, scaled linearly to
/// other widths. Classes it leaves out have no entry, so levels of those classes need their own <c>energy:</c>.
/// </summary>
public sealed class CustomEnergyTable(
    string name,
    string unit,
    int referenceBits,
    IReadOnlyDictionary<MemoryClass, AccessEnergy> storage,
    double? mac,
    double? network,
    double? vectorOp) : EnergyTable
{
    public override string Name => name;
    public override string Unit => unit;
    public override string Technology => "custom";
    public override string Source => "inline table of the arch file";

    /// <summary>Classes the table has entries for.</summary>
    public IEnumerable<MemoryClass> Classes => storage.Keys;

    public override AccessEnergy? Storage(MemoryClass memoryClass, long? capacityWords, int wordBits) =>
        storage.TryGetValue(memoryClass, out var e)
            ? new AccessEnergy(e.Read * wordBits / referenceBits, e.Write * wordBits / referenceBits)
            : null;

    public override double? Mac(int bits, bool floatingPoint = false) => mac;

    public override double? NetworkPerWordHop(int wordBits) => network * wordBits / referenceBits;

    public override double? VectorOp(int bits) => vectorOp;
}
