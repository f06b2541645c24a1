using AccelSim.Architecture;
using AccelSim.Energy;

namespace AccelSim.Tests.Support;

/// <summary>Accelerators built in code for tests that must not depend on shipped config files.</summary>
public static class TestArchitectures
{
    public static NetworkSpec Network(TensorSet multicast, bool reduction, double energy = 2) => new("noc", multicast, reduction, energy);

    public static StorageLevel Level(string name, MemoryClass cls, long? capacity, double energy, TensorSet keeps = TensorSet.All,
        double bandwidth = double.PositiveInfinity) => new()
        {
            Name = name, Class = cls, CapacityWords = capacity, Energy = new AccessEnergy(energy, energy),
            // Everything the level holds is optional (may_keep): test mappings choose their keeps freely.
            Keeps = keeps, OptionalKeeps = keeps, ReadBandwidth = bandwidth, WriteBandwidth = bandwidth,
        };

    /// <summary>DRAM → buffer → X×Y PEs with a register file each → MAC (lanes per PE below the RF).</summary>
    public static Accelerator ThreeLevel(int x, int y, TensorSet multicast, bool reduction, long? bufferWords = null, long? rfWords = null,
        int lanesX = 1, TensorSet laneMulticast = TensorSet.All, bool laneReduction = true)
    {
        var levels = new List<ArchLevel>
        {
            new(Level("DRAM", MemoryClass.Dram, null, 200, bandwidth: 4), null),
            new(Level("Buffer", MemoryClass.Sram, bufferWords, 6), new SpatialFanout(x, y, Network(multicast, reduction))),
            new(Level("RF", MemoryClass.RegisterFile, rfWords, 1), lanesX > 1 ? new SpatialFanout(lanesX, 1, Network(laneMulticast, laneReduction, 0.5)) : null),
        };
        return new Accelerator { Name = "test3", Levels = levels, Mac = new MacUnit(16, 1), ClockHz = 200e6 };
    }
}
