using AccelSim.Architecture;
using AccelSim.Energy;
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
    public void EyerissHas168PesWithPartitionedSpadsAnd65nmEnergies()
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
        // Filter rows horizontally, ifmap rows diagonally, psums vertically (ISCA 2016 Fig. 6); the global input network
        // also delivers a filter or ifmap word to every row whose ID matches its tag (JSSC 2017, Section V-B).
        Assert.Equal(TensorSet.Weights | TensorSet.Inputs, network.X.Multicast);
        Assert.Equal(TensorSet.Weights | TensorSet.Inputs, network.Y.Multicast);
        Assert.True(network.DiagonalMulticast);
        Assert.False(network.Reduces(y: false));
        Assert.True(network.Reduces(y: true));

        // Physical 65 nm energies by default (the ERT figures of docs/energy.md, worked by hand here).
        Assert.Equal("pJ", arch.EnergyUnit);
        Assert.Equal("accelergy-65nm", arch.EnergyTable);
        Assert.Equal(128.0, arch.Levels[0].Storage.Energy.Read, 9);                 // LPDDR4: 512 pJ / 64 bits x 16 bits
        Assert.Equal(0.7562, arch.Mac.EnergyPerMac, 3);                              // 0.2077 pJ x Horowitz MAC16/MAC8 = 0.8374/0.23
        Assert.Equal(4.201, glb.Energy.Read, 3);                                     // 18.18 pJ/64 b x 16 b x (108/128)^0.4644
        Assert.Equal(0.202442, spad.EnergyFor(TensorKind.Inputs).Read, 6);           // the ERT's 12-word register file
        Assert.Equal(0.176713, spad.EnergyFor(TensorKind.Inputs).Write, 6);
        Assert.True(spad.EnergyFor(TensorKind.Weights).Read > 1.9766);              // 224 words: beyond the ERT's 192-word point
        Assert.True(spad.EnergyFor(TensorKind.Outputs).Read is > 0.2513 and < 1.9766); // 24 words: between the 16- and 192-word points
        Assert.Equal(2 * 0.202442, network.EnergyPerWord, 6);                        // Eyeriss' NoC = 2x an RF access
        Assert.Equal(DataflowNames.All.Order(), arch.Dataflows.Order());

        // The normalized costs stay one option away (ISCA 2016's comparison uses them).
        var normalized = ArchitectureLibrary.Load("eyeriss", "eyeriss-normalized");
        Assert.Equal("xMAC", normalized.EnergyUnit);
        Assert.Equal(1.0, normalized.Mac.EnergyPerMac, 9);
        Assert.Equal(200.0, normalized.Levels[0].Storage.Energy.Read, 9);
        Assert.Equal(6.0, normalized.Levels[1].Storage.Energy.Read, 9);
        Assert.Equal(1.0, normalized.Levels[2].Storage.EnergyFor(TensorKind.Weights).Write, 9);
        Assert.Equal(2.0, normalized.Levels[1].Fanout!.Network.EnergyPerWord, 9);
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
