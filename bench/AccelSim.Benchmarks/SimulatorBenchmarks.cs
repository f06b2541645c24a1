using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Workloads;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>
/// The cycle-level simulator on every CONV and FC layer of AlexNet (two-group version) and VGG-16, with row-stationary
/// mapper mappings on Eyeriss searched once in the setup. Targets: AlexNet ≤ 1 s, VGG-16 ≤ 5 s (docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    private static readonly ProblemShape[] AlexNet =
    [
        new(1, 1, 96, 3, 55, 55, 11, 11, 4, 4),
        new(1, 2, 128, 48, 27, 27, 5, 5),
        new(1, 1, 384, 256, 13, 13, 3, 3),
        new(1, 2, 192, 192, 13, 13, 3, 3),
        new(1, 2, 128, 192, 13, 13, 3, 3),
        new(1, 1, 4096, 9216, 1, 1, 1, 1),
        new(1, 1, 4096, 4096, 1, 1, 1, 1),
        new(1, 1, 1000, 4096, 1, 1, 1, 1),
    ];

    // VGG-16 (configuration D): 3x3 convolutions with padding 1, so P = Q = the input size of each block.
    private static readonly ProblemShape[] Vgg16 =
    [
        Conv(64, 3, 224), Conv(64, 64, 224),
        Conv(128, 64, 112), Conv(128, 128, 112),
        Conv(256, 128, 56), Conv(256, 256, 56), Conv(256, 256, 56),
        Conv(512, 256, 28), Conv(512, 512, 28), Conv(512, 512, 28),
        Conv(512, 512, 14), Conv(512, 512, 14), Conv(512, 512, 14),
        new(1, 1, 4096, 25088, 1, 1, 1, 1),
        new(1, 1, 4096, 4096, 1, 1, 1, 1),
        new(1, 1, 1000, 4096, 1, 1, 1, 1),
    ];

    private static ProblemShape Conv(int m, int c, int size) => new(1, 1, m, c, size, size, 3, 3);

    private Accelerator _arch = null!;
    private (ProblemShape Problem, LoopMapping Mapping)[] _alexNet = [], _vgg16 = [];

    [GlobalSetup(Target = nameof(SimulateAlexNet))]
    public void SetupAlexNet() => _alexNet = Map(AlexNet);

    [GlobalSetup(Target = nameof(SimulateVgg16))]
    public void SetupVgg16() => _vgg16 = Map(Vgg16);

    private (ProblemShape, LoopMapping)[] Map(ProblemShape[] layers)
    {
        _arch = ArchitectureLibrary.Load("eyeriss");
        return layers.Select(p => (p, Mapper.Search(p, _arch, Dataflows.RowStationary).Mapping)).ToArray();
    }

    /// <summary>All eight CONV and FC layers of AlexNet.</summary>
    [Benchmark]
    public long SimulateAlexNet() => Simulate(_alexNet);

    /// <summary>All sixteen CONV and FC layers of VGG-16.</summary>
    [Benchmark]
    public long SimulateVgg16() => Simulate(_vgg16);

    private long Simulate((ProblemShape Problem, LoopMapping Mapping)[] layers)
    {
        long cycles = 0;
        foreach (var (problem, mapping) in layers) cycles += CycleSimulator.Run(problem, _arch, mapping).TotalCycles;
        return cycles;
    }
}
