using AccelSim.Architecture;
using AccelSim.Energy;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Model;

/// <summary>The sliding-window halo rule of docs/model.md (Timeloop PR #297): the halo shared by consecutive input tiles stays.</summary>
public class HaloReuseTests
{
    private static readonly Accelerator TwoLevels = new()
    {
        Name = "two",
        Levels =
        [
            new(TestArchitectures.Level("DRAM", MemoryClass.Dram, null, 200), null),
            new(TestArchitectures.Level("Buffer", MemoryClass.Sram, 1000, 6), null),
        ],
        Mac = new MacUnit(16, 1),
    };

    private static long BufferInputFills(Dim[] dramOrder)
    {
        var problem = new ProblemShape(1, 1, 2, 1, 4, 1, 3, 1);
        int[] dram = [1, 1, 2, 1, 4, 1, 1, 1], buffer = [1, 1, 1, 1, 1, 1, 3, 1];
        var mapping = new LoopMapping([
            LevelMapping.TemporalOnly(dram, [.. dramOrder, .. Dims.All.Except(dramOrder)], TensorSet.All),
            LevelMapping.TemporalOnly(buffer, [.. Dims.All], TensorSet.All),
        ]);
        var counts = AnalyticalModel.Evaluate(problem, TwoLevels, mapping).Counts;
        Assert.True(counts.SameAs(new BruteForceCounter(problem, TwoLevels, mapping).Run(), out var diff), diff);
        return counts.Get(1, TensorKind.Inputs).Fills;
    }

    [Fact]
    public void HaloIsKeptWhenAnIrrelevantLoopIsInsideASlidingLoop()
    {
        // P outer, M inner: the 3-row window stays while M iterates, and each P step adds one new row: 3 + 3 × 1 = 6 rows,
        // every input row once. The older Timeloop refetched the whole window per P step: 4 × 3 = 12.
        Assert.Equal(6, BufferInputFills([Dim.P, Dim.M]));
    }

    [Fact]
    public void WindowIsRefetchedWhenARelevantChangeSeparatesConsecutiveTiles()
    {
        // M outer, P inner: the P sweep runs twice and restarts at row 0 after M advances (no overlap with rows 3-5).
        Assert.Equal(12, BufferInputFills([Dim.M, Dim.P]));
    }
}
