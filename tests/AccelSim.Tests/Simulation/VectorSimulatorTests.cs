using AccelSim.Architecture;
using AccelSim.Simulation;
using AccelSim.Workloads;
using AccelSim.Workloads.Layers;

namespace AccelSim.Tests.Simulation;

/// <summary>Layers without MACs: DRAM traffic once in, once out; vector lanes; the slower of the two sets the time.</summary>
public class VectorSimulatorTests
{
    private static readonly ModelGraph Model = ModelGraph.Build("tiny", [
        new InputLayer("in", new FeatureMap(64, 56, 56)),
        new ConvLayer("c", "in", 64, Window.Square(3, pad: 1)),
        new AddLayer("add", ["in", "c"]),
        new PoolLayer("pool", "add", LayerKind.MaxPool, Window.Square(2, 2)),
    ]);

    [Fact]
    public void AddReadsBothOperandsOnceAndWritesItsOutputOnce()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var add = Model.Find("add")!;
        var r = VectorSimulator.Run(add, arch);
        long elements = 64L * 56 * 56;
        Assert.Equal(2 * elements, r.DramReads);
        Assert.Equal(elements, r.DramWrites);
        Assert.Equal(add.VectorOps, r.VectorOps);
        Assert.Equal((add.VectorOps + 3) / 4, r.VectorCycles);             // 4 lanes
        Assert.Equal((2 * elements + 3) / 4, r.DramCycles);                // 4 words/cycle read port
        Assert.Equal(Math.Max(r.VectorCycles, r.DramCycles), r.Cycles);
        var dram = arch.Levels[0].Storage.Energy;
        Assert.Equal(2 * elements * dram.Read + elements * dram.Write, r.DramEnergy, 6);
        Assert.Equal(add.VectorOps * arch.Vector!.EnergyPerOp, r.VectorEnergy, 6);
        Assert.Equal(r.DramEnergy + r.BufferEnergy + r.VectorEnergy, r.TotalEnergy, 6);
    }

    [Fact]
    public void WithoutAVectorUnitOneLaneDoesTheWork()
    {
        var arch = ArchitectureLibrary.Load("eyeriss") with { Vector = null };
        var pool = Model.Find("pool")!;
        var r = VectorSimulator.Run(pool, arch);
        Assert.Equal(pool.VectorOps, r.VectorCycles);
        Assert.Equal(Math.Max(pool.VectorOps, r.DramCycles), r.Cycles);
        Assert.True(r.Cycles > 0);
    }

    [Fact]
    public void BatchScalesTrafficAndTime()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var one = VectorSimulator.Run(Model.Find("add")!, arch);
        var four = VectorSimulator.Run(Model.Find("add")!, arch, batch: 4);
        Assert.Equal(4 * one.DramReads, four.DramReads);
        Assert.Equal(4 * one.VectorOps, four.VectorOps);
    }

    [Fact]
    public void MacLayersAreRejected()
    {
        Assert.Throws<ArgumentException>(() => VectorSimulator.Run(Model.Find("c")!, ArchitectureLibrary.Load("eyeriss")));
    }
}
