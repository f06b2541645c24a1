using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Workloads;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>
/// One run of the cycle-level simulator on one layer: the mapping <see cref="AnalyticalModelBenchmarks"/> evaluates
/// (AlexNet CONV3 on eyeriss, row stationary), for comparison with one analytical evaluation.
/// </summary>
[MemoryDiagnoser]
public class OneSimulationBenchmarks
{
    private ProblemShape _problem = null!;
    private Accelerator _arch = null!;
    private LoopMapping _mapping = null!;

    [GlobalSetup]
    public void Setup()
    {
        _arch = ArchitectureLibrary.Load("eyeriss");
        _problem = new ProblemShape(1, 1, 384, 256, 13, 13, 3, 3);
        _mapping = Mapper.Search(_problem, _arch, Dataflows.RowStationary).Mapping;
    }

    [Benchmark]
    public long SimulateAlexNetConv3Mapping() => CycleSimulator.Run(_problem, _arch, _mapping).TotalCycles;
}
