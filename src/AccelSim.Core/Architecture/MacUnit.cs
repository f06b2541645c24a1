namespace AccelSim.Architecture;

/// <summary>The multiply-accumulate unit: operand width and energy per MAC. Lanes per PE are the innermost level's fan-out.</summary>
public sealed record MacUnit(int Bits, double EnergyPerMac)
{
    /// <summary>Floating-point operands (fp16, fp32) rather than integer ones; energy tables price them differently.</summary>
    public bool FloatingPoint { get; init; }
}
