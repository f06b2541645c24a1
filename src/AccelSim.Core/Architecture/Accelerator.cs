using AccelSim.Energy;
namespace AccelSim.Architecture;

/// <summary>
/// An accelerator: storage levels outermost first (level 0 is DRAM), each with the fan-out below it, the MAC unit,
/// an optional vector unit, the clock and the dataflows it supports. Energies are already resolved per access in
/// <see cref="EnergyUnit"/> (pJ, or "xMAC", multiples of a MAC's energy, for the normalized Eyeriss table).
/// </summary>
public sealed record Accelerator
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required IReadOnlyList<ArchLevel> Levels { get; init; }
    public required MacUnit Mac { get; init; }
    public VectorUnit? Vector { get; init; }
    public double ClockHz { get; init; } = 200e6;
    public IReadOnlyList<string> Dataflows { get; init; } = [];
    public string EnergyUnit { get; init; } = "pJ";
    /// <summary>Name of the energy table the per-access energies came from.</summary>
    public string EnergyTable { get; init; } = "";
    /// <summary>What the architecture does with zeros (gating, compressed traffic), or null (docs/sparsity.md).</summary>
    public SparseOptimizations? Sparse { get; init; }
    /// <summary>
    /// Power the chip draws every cycle whatever it computes (its clock network, leakage), in watts, from the arch file's
    /// <c>background_power_mw</c>; 0 when not given. Charged over each layer's cycles (<see cref="BackgroundEnergyPerCycle"/>).
    /// </summary>
    public double BackgroundPowerWatts { get; init; }

    /// <summary>
    /// <see cref="BackgroundPowerWatts"/> over one clock cycle in <see cref="EnergyUnit"/>. Watts are physical: a normalized
    /// table (xMAC) prices accesses relative to a MAC and has no joules to put them in, so it charges none (docs/energy.md).
    /// </summary>
    public double BackgroundEnergyPerCycle => EnergyUnit == "pJ" ? BackgroundPowerWatts / ClockHz * 1e12 : 0;

    /// <summary>Instances of level <paramref name="level"/>: the product of the fan-outs above it.</summary>
    public long Instances(int level)
    {
        long n = 1;
        for (int i = 0; i < level; i++) n *= Levels[i].Fanout?.Size ?? 1;
        return n;
    }

    /// <summary>MAC units in the whole chip (all fan-outs multiplied, the innermost one being lanes per PE).</summary>
    public long MacUnits => Instances(Levels.Count);

    /// <summary>Peak MACs per cycle.</summary>
    public long PeakMacsPerCycle => MacUnits;

    /// <summary>
    /// Fill and drain cycles that every fold (one pass of a spatial tile) pays on the systolic fan-outs: rows + columns − 2
    /// each, SCALE-Sim's wavefront skew. Zero without a systolic fan-out.
    /// </summary>
    /// <summary>Rows (the Y size) of every systolic fan-out, summed: the cycles a stationary operand takes to load.</summary>
    public long SystolicRows => Levels.Where(l => l.Fanout is { Systolic: true }).Sum(l => (long)l.Fanout!.Y);

    public long SystolicSkew => Levels.Where(l => l.Fanout is { Systolic: true }).Sum(l => (long)l.Fanout!.X + l.Fanout!.Y - 2);

    /// <summary>Index of a level by name (case-insensitive), or -1.</summary>
    public int IndexOf(string levelName)
    {
        for (int i = 0; i < Levels.Count; i++)
            if (string.Equals(Levels[i].Name, levelName, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>On-chip capacity in words: every bounded level times its instances.</summary>
    public long OnChipWords
    {
        get
        {
            long total = 0;
            for (int i = 0; i < Levels.Count; i++)
                if (Levels[i].Storage.TotalWords is long words && Levels[i].Storage.Class != MemoryClass.Dram)
                    total += words * Instances(i);
            return total;
        }
    }

    /// <summary>On-chip capacity in bytes (each level's words at its own word width), every instance counted.</summary>
    public long OnChipBytes
    {
        get
        {
            long bits = 0;
            for (int i = 0; i < Levels.Count; i++)
                if (Levels[i].Storage.TotalWords is long words && Levels[i].Storage.Class != MemoryClass.Dram)
                    bits += words * Levels[i].Storage.WordBits * Instances(i);
            return bits / 8;
        }
    }
}
