using AccelSim.Architecture;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;
using AccelSim.Pipeline;
using AccelSim.Reports;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Energy;

/// <summary>
/// An architecture's background power (<c>background_power_mw</c>: clock network, leakage) is charged over each layer's
/// simulated cycles, apart from the per-access energies, and only where the energy unit is physical (docs/energy.md).
/// </summary>
public class BackgroundPowerTests
{
    private static readonly Lazy<(ModelRunResult With, ModelRunResult Without)> LeNet = new(() =>
    {
        var eyeriss = ArchitectureLibrary.Load("eyeriss");
        var options = new ModelRunOptions();
        return (ModelRunner.Run(ModelZoo.Get("lenet5"), eyeriss, options),
            ModelRunner.Run(ModelZoo.Get("lenet5"), eyeriss with { BackgroundPowerWatts = 0 }, options));
    });

    [Fact]
    public void EyerissDrawsItsClockNetworkPowerOverEveryCycleOfEveryLayer()
    {
        var (with, without) = LeNet.Value;
        Assert.Equal(0.1063, with.Arch.BackgroundPowerWatts, 12);
        // 106.3 mW at 200 MHz: 531.5 pJ per cycle.
        Assert.Equal(531.5, with.Arch.BackgroundEnergyPerCycle, 9);
        for (int i = 0; i < with.Layers.Count; i++)
        {
            LayerResult w = with.Layers[i], o = without.Layers[i];
            // The mapper weighs the background too (docs/mapper.md), so the two runs may map a layer differently: each run's
            // background is its own simulated cycles' worth, on top of its access energy.
            Assert.Equal(531.5 * w.Cycles, w.BackgroundEnergy, 6);
            Assert.Equal(w.LevelEnergy.Sum() + w.NetworkEnergy + w.MacEnergy + w.VectorEnergy + w.BackgroundEnergy, w.Energy, 6);
            Assert.Equal(0, o.BackgroundEnergy);
        }
        Assert.True(with.BackgroundEnergy > 0);
    }

    [Fact]
    public void LayersCsvColumnsStillAddUpToTheEnergy()
    {
        var run = LeNet.Value.With;
        var folder = RunFolder.FromText("lenet5", LayersCsv.Write(run), "{}", null);
        string[] parts = [.. run.Arch.Levels.Select(l => LayersCsv.LevelColumn(l.Name)), "energy_network", "energy_mac", "energy_vector", "energy_background"];
        Assert.Equal(run.Layers.Count, folder.Rows.Count);
        foreach (var row in folder.Rows)
            Assert.Equal(folder.Number(row, "energy"), parts.Sum(c => folder.Number(row, c)), 6);
    }

    [Fact]
    public void ANormalizedTableHasNoJoulesToChargeWattsIn()
    {
        var normalized = ArchitectureLibrary.Load("eyeriss", "eyeriss-normalized");
        Assert.Equal(0.1063, normalized.BackgroundPowerWatts, 12);
        Assert.Equal(0, normalized.BackgroundEnergyPerCycle);
        // Nor millimetres of wire: eyeriss' array area is ignored and its network charged the table's 2 xMAC per hop.
        Assert.NotNull(ArchitectureLibrary.Load("eyeriss").Levels[1].Fanout!.Network.Wire);
        Assert.Null(normalized.Levels[1].Fanout!.Network.Wire);
    }

    [Fact]
    public void ANegativeBackgroundPowerIsRefusedNamingTheField()
    {
        const string arch = """
            name: bad
            energy_table: horowitz-45nm
            background_power_mw: -5
            levels:
              - {name: DRAM, class: dram}
              - {name: Buffer, class: sram, capacity: 1KB}
            mac: {bits: 8}
            """;
        var e = Assert.Throws<InputException>(() => ArchitectureYaml.Parse(arch, "bad.yaml"));
        Assert.Contains("bad.yaml: background_power_mw", e.Message);
    }
}
