using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Tests.Architecture;

public class ShippedArchTests
{
    public static TheoryData<string> ShippedNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in ArchitectureLibrary.Names) data.Add(name);
        return data;
    }

    [Fact]
    public void AllSixConfigsShip()
    {
        Assert.Superset(new HashSet<string> { "eyeriss", "tpu-v1", "systolic-32x32", "shidiannao", "nlr", "simba" }, ArchitectureLibrary.Names.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ShippedNames))]
    public void EveryShippedConfigLoadsAndIsSane(string name)
    {
        var arch = ArchitectureLibrary.Load(name);
        Assert.Equal(name, arch.Name);
        Assert.Equal(MemoryClass.Dram, arch.Levels[0].Storage.Class);
        Assert.True(arch.PeakMacsPerCycle > 0);
        Assert.True(arch.OnChipWords > 0);
        Assert.NotEmpty(arch.Dataflows);
        Assert.NotEmpty(arch.EnergyTable);
        // The whole point of the tables: off-chip words cost more than on-chip ones, which cost more than a MAC's operand.
        double dram = arch.Levels[0].Storage.Energy.Read / arch.Levels[0].Storage.WordBits;
        for (int i = 1; i < arch.Levels.Count; i++)
            Assert.True(arch.Levels[i].Storage.Energy.Read / arch.Levels[i].Storage.WordBits < dram, $"{name} level {i} costs more per bit than DRAM");
    }

    [Fact]
    public void EyerissHas168PesWithPartitionedSpadsAndNormalizedEnergies()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        Assert.Equal(["DRAM", "GlobalBuffer", "Spad"], arch.Levels.Select(l => l.Name));
        Assert.Equal(168, arch.Instances(2));
        Assert.Equal(168, arch.PeakMacsPerCycle);
        Assert.Equal((14, 12), (arch.Levels[1].FanoutX, arch.Levels[1].FanoutY));
        Assert.Equal(200e6, arch.ClockHz);

        var glb = arch.Levels[1].Storage;
        Assert.Equal(108L * 1024 / 2, glb.CapacityWords);
        Assert.Equal(TensorSet.Inputs | TensorSet.Outputs, glb.Keeps);
        var spad = arch.Levels[2].Storage;
        Assert.Equal(224, spad.PartitionFor(TensorKind.Weights));
        Assert.Equal(12, spad.PartitionFor(TensorKind.Inputs));
        Assert.Equal(24, spad.PartitionFor(TensorKind.Outputs));

        // 108 KB GLB + 168 PEs x 260 words of spad.
        Assert.Equal(55_296 + 168 * 260, arch.OnChipWords);
        Assert.Equal(110_592 + 168 * 520, arch.OnChipBytes);

        var network = arch.Levels[1].Fanout!.Network;
        Assert.Equal(TensorSet.Weights | TensorSet.Inputs, network.Multicast);
        Assert.True(network.SpatialReduction);

        Assert.Equal("MAC", arch.EnergyUnit);
        Assert.Equal(1.0, arch.Mac.EnergyPerMac, 9);
        Assert.Equal(200 * arch.Mac.EnergyPerMac, arch.Levels[0].Storage.Energy.Read, 9);
        Assert.Equal(6.0, glb.Energy.Read, 9);
        Assert.Equal(1.0, spad.Energy.Write, 9);
        Assert.Equal(2.0, network.EnergyPerWord, 9);
        Assert.Equal(DataflowNames.All.Order(), arch.Dataflows.Order());
    }

    [Fact]
    public void TpuV1Has64KMacsAndA24MiBUnifiedBuffer()
    {
        var arch = ArchitectureLibrary.Load("tpu-v1");
        Assert.Equal(65_536, arch.PeakMacsPerCycle);
        Assert.Equal(700e6, arch.ClockHz);
        var ub = arch.Levels[arch.IndexOf("UnifiedBuffer")].Storage;
        Assert.Equal(24L << 20, ub.CapacityWords);
        var acc = arch.Levels[arch.IndexOf("Accumulators")].Storage;
        Assert.Equal(4096L * 256, acc.CapacityWords);
        Assert.Equal(32, acc.WordBits);
        Assert.Equal(65_536, arch.Instances(arch.IndexOf("PERegisters")));
        Assert.Equal(0.2 + 0.03, arch.Mac.EnergyPerMac, 9);
        // 24 MiB + 256 KiB + 4 MiB + 3 bytes in each of 65,536 PEs.
        Assert.Equal((24L << 20) + (256L << 10) + (4L << 20) + 3L * 65_536, arch.OnChipBytes);
    }

    [Theory]
    [InlineData("systolic-32x32", 1024, 1024)]
    [InlineData("shidiannao", 64, 64)]
    [InlineData("nlr", 168, 168)]
    [InlineData("simba", 1024, 16)]
    public void PeakMacsAndInnermostInstances(string name, long peak, long innermostInstances)
    {
        var arch = ArchitectureLibrary.Load(name);
        Assert.Equal(peak, arch.PeakMacsPerCycle);
        Assert.Equal(innermostInstances, arch.Instances(arch.Levels.Count - 1));
    }

    [Fact]
    public void SimbaPesHaveEightByEightVectorLanes()
    {
        var arch = ArchitectureLibrary.Load("simba");
        var pe = arch.Levels[^1];
        Assert.Equal(64, pe.Fanout!.Size);
        Assert.Equal(32L * 1024, pe.Storage.PartitionFor(TensorKind.Weights));
        Assert.Equal(8L * 1024, pe.Storage.PartitionFor(TensorKind.Inputs));
        Assert.Equal(64 * 1024 + 16 * (40 * 1024 + 1024), arch.OnChipBytes);
    }
}
