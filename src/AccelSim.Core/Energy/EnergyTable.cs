
namespace AccelSim.Energy;

/// <summary>
/// An energy reference table in the spirit of Accelergy's ERTs: given a component class and its attributes
/// (capacity, word width, MAC bit width) it returns the energy of one access, one MAC or one network word.
/// A null answer means the table has no entry for that class; the loader then asks the arch file for an override.
/// </summary>
public abstract class EnergyTable
{
    /// <summary>Name used in arch files (<c>energy_table: NAME</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Unit of every figure: "pJ", or "xMAC" (multiples of one MAC's energy) for normalized tables.</summary>
    public abstract string Unit { get; }

    /// <summary>Technology the figures belong to (e.g. "45nm"), shown in reports.</summary>
    public abstract string Technology { get; }

    /// <summary>One-line provenance; docs/energy.md has the full citations.</summary>
    public abstract string Source { get; }

    /// <summary>Energy of one word read and written at a storage component, or null when the class is missing.</summary>
    /// <param name="memoryClass">DRAM, SRAM or register file.</param>
    /// <param name="capacityWords">Words per instance (null for unbounded DRAM); size-aware tables use it.</param>
    /// <param name="wordBits">Width of one word.</param>
    public abstract AccessEnergy? Storage(MemoryClass memoryClass, long? capacityWords, int wordBits);

    /// <summary>Energy of one multiply-accumulate at <paramref name="bits"/> (integer unless <paramref name="floatingPoint"/>).</summary>
    public abstract double? Mac(int bits, bool floatingPoint = false);

    /// <summary>Energy of moving one word one hop of an on-chip network (parent to child of a fan-out).</summary>
    public abstract double? NetworkPerWordHop(int wordBits);

    /// <summary>Energy of one vector-unit operation (add, compare, scale) at <paramref name="bits"/>.</summary>
    public abstract double? VectorOp(int bits);

    /// <summary>Energy of moving one bit one millimetre of on-chip wire, or null when the table has no such figure.</summary>
    public virtual double? WirePerBitMm => null;
}
