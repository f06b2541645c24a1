using AccelSim.Architecture;
using AccelSim.Model;
using AccelSim.Simulation;
using AccelSim.Tests.Support;

namespace AccelSim.Tests.Simulation;

/// <summary>Reporting details of the simulator: the trace and its cap, timelines, stall bookkeeping.</summary>
public class SimulatorBehaviourTests
{
    private static RandomCase BusyCase()
    {
        // A case with some traffic at every level (seeded, so the test is deterministic).
        for (int seed = 0; ; seed++)
        {
            var c = RandomCase.FromSeed(seed);
            if (c.Mapping.TemporalIterations > 20 && c.Mapping.Levels[1].Keeps != TensorSet.None) return c;
        }
    }

    [Fact]
    public void TraceIsCappedAndWrittenAsCsv()
    {
        var c = BusyCase();
        var full = CycleSimulator.Run(c.Problem, c.Arch, c.Mapping, new SimulationOptions { Trace = true, MaxTraceRows = 1_000_000 });
        Assert.False(full.TraceTruncated);
        Assert.True(full.Trace.Count > 3);
        var capped = CycleSimulator.Run(c.Problem, c.Arch, c.Mapping, new SimulationOptions { Trace = true, MaxTraceRows = 3 });
        Assert.Equal(3, capped.Trace.Count);
        Assert.True(capped.TraceTruncated);
        var lines = capped.TraceCsv().TrimEnd().Split('\n');
        Assert.Equal("level,tensor,kind,words,start,end", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.All(full.Trace, r => Assert.True(r.End >= r.Start && r.Words > 0));
        Assert.Empty(CycleSimulator.Run(c.Problem, c.Arch, c.Mapping).Trace);
    }

    [Fact]
    public void TimelinesSplitTotalIntoBusyAndIdle()
    {
        var c = BusyCase();
        var sim = CycleSimulator.Run(c.Problem, c.Arch, c.Mapping);
        Assert.Equal(c.Arch.Levels.Count, sim.Levels.Count);
        foreach (var l in sim.Levels)
        {
            Assert.InRange(l.Utilization, 0, 1);
            Assert.Equal(sim.TotalCycles, l.BusyCycles + l.IdleCycles, 6);
        }
        // DRAM is the only level with finite bandwidth in the random architectures: it is busy exactly its bound.
        var analytical = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping);
        Assert.Equal(analytical.BandwidthCycles[0], (long)Math.Ceiling(sim.Levels[0].BusyCycles - 1e-9));
    }
}
