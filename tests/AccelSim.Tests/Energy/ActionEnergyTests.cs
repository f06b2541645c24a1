using AccelSim.Architecture;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;
using AccelSim.Energy;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Tests.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Tests.Energy;

/// <summary>
/// Per-action energies in AccelSim's own arch format (read, write, update per word; per partition) and leakage per
/// instance-cycle, as Timeloop prices them: storage energy = reads·read + fills·write + updates·update, leakage = leakage per
/// cycle × cycles × instances doing work.
/// </summary>
public class ActionEnergyTests
{
    private const string Arch = """
        name: priced
        energy_table: eyeriss-normalized
        dataflows: [ws]
        levels:
          - name: DRAM
            class: dram
            energy: {read: 200, write: 210, update: 220}
          - name: Buffer
            class: sram
            capacity: 64KB
            energy: {read: 6, write: 7, update: 9}
            leakage_per_cycle: 0.5
            fanout: {x: 4, y: 4, network: {multicast: [weights, inputs, outputs], reduction: true, energy: 0}}
          - name: Spad
            class: regfile
            partitions: {weights: 256, inputs: 32, outputs: 32}
            partition_energy: {outputs: {read: 1.5, write: 1.25, update: 2}}
            leakage_per_cycle: 0.01
        mac:
          bits: 16
        """;

    [Fact]
    public void EveryActionIsPricedByItsOwnEnergyAndLeakageByInstanceCycle()
    {
        var arch = ArchitectureYaml.Parse(Arch, "priced.yaml");
        Assert.Equal(new AccessEnergy(6, 7) { Update = 9 }, arch.Levels[1].Storage.Energy);
        Assert.Equal(2, arch.Levels[2].Storage.EnergyFor(TensorKind.Outputs).Update);
        Assert.Equal(arch.Levels[2].Storage.EnergyFor(TensorKind.Weights), arch.Levels[2].Storage.Energy with { }); // others from the table
        var found = Mapper.Search(MapperInvariantTests.AlexNetConv3, arch, Dataflows.Get("ws"), new MapperOptions { SpatialCandidates = 2 });
        var eval = found.Evaluation;
        for (int i = 0; i < arch.Levels.Count; i++)
            foreach (var t in Tensors.All)
            {
                var c = eval.Counts.Get(i, t);
                var e = arch.Levels[i].Storage.EnergyFor(t);
                Assert.Equal(c.Reads * e.Read + c.Fills * e.Write + c.Updates * e.Update, eval.StorageEnergy[i, (int)t], 6);
            }
        Assert.True(eval.Counts.Get(1, TensorKind.Outputs).Updates > 0, "the buffer sees partial-sum updates");
        Assert.Equal(0.5 * eval.Cycles, eval.LeakageEnergy[1], 6);
        long spads = eval.SpatialUnits; // one Spad per MAC doing work
        Assert.Equal(0.01 * eval.Cycles * spads, eval.LeakageEnergy[2], 6);
        Assert.Equal(eval.TotalStorageEnergy + eval.TotalNetworkEnergy + eval.MacEnergy, eval.TotalEnergy, 6);
        Assert.Equal(Enumerable.Range(0, Tensors.Count).Sum(t => eval.StorageEnergy[2, t]) + eval.LeakageEnergy[2], eval.LevelEnergy(2), 6);
    }

    [Fact]
    public void PartitionEnergyNeedsAPartitionedLevel()
    {
        var e = Assert.Throws<InputException>(() => ArchitectureYaml.Parse(Arch.Replace("partition_energy: {outputs:", "partition_energy: {biases:"), "priced.yaml"));
        Assert.Contains("priced.yaml: levels[2].partition_energy.biases: not a partition of this level", e.Message);
        e = Assert.Throws<InputException>(() => ArchitectureYaml.Parse(Arch, "priced.yaml", energyTable: "horowitz-45nm"));
        Assert.Contains("levels[0].energy", e.Message);
    }
}
