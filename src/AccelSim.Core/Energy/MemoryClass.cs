namespace AccelSim.Energy;

/// <summary>The component class of a storage level; energy tables are keyed by it.</summary>
public enum MemoryClass
{
    /// <summary>Off-chip DRAM.</summary>
    Dram,
    /// <summary>On-chip SRAM buffer.</summary>
    Sram,
    /// <summary>Register file or scratchpad inside a PE.</summary>
    RegisterFile,
}
