using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Workloads;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>
/// One cycle-level simulation of VGG-16 conv5_1 on nlr (one-word PE registers, so one compute block per cycle: 2.75 M
/// blocks), with the mapper's mapping searched once in the setup: the default run, which adds repeated loop bodies in
/// closed form (SimulationEngine.Repeats.cs), against the walk of every block that it replaced.
/// </summary>
[MemoryDiagnoser]
public class RepeatedBodiesBenchmarks
{
    private static readonly ProblemShape Conv5 = new(1, 1, 512, 512, 14, 14, 3, 3);
    private Accelerator _arch = null!;
    private LoopMapping _mapping = null!;

    [GlobalSetup]
    public void Setup()
    {
        _arch = ArchitectureLibrary.Load("nlr");
        _mapping = Mapper.Search(Conv5, _arch, Dataflows.NoLocalReuse).Mapping;
    }

    /// <summary>The default: repeated bodies skipped.</summary>
    [Benchmark(Baseline = true)]
    public long SkipRepeats() => CycleSimulator.Run(Conv5, _arch, _mapping).TotalCycles;

    /// <summary>Every compute block walked, as before.</summary>
    [Benchmark]
    public long WalkEveryBlock() => CycleSimulator.Run(Conv5, _arch, _mapping, new SimulationOptions { WalkEveryBody = true }).TotalCycles;
}
