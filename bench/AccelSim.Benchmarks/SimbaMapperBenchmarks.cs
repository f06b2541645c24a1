using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Workloads;
using AccelSim.Workloads.Zoo;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>
/// The mapper's default search of one ResNet-50 layer on simba (weight stationary, four levels, 16 PEs of 8x8 lanes), with
/// the simulated tie-break (default cap) and without it (cap 0).
/// </summary>
public class SimbaMapperBenchmarks
{
    private Accelerator _arch = null!;
    private ProblemShape _layer = null!;

    [Params(0, 64)]
    public int SimulationCap { get; set; } = 64;

    [GlobalSetup]
    public void Setup()
    {
        _arch = ArchitectureLibrary.Load("simba");
        _layer = ModelZoo.Get("resnet50").MacLayers.Single(l => l.Name == "res4b_branch2a").Problem!;
    }

    [Benchmark]
    public double MapResNet50Res4bBranch2aOnSimba() =>
        Mapper.Search(_layer, _arch, Dataflows.WeightStationary, new MapperOptions { SimulationCap = SimulationCap }).Evaluation.TotalEnergy;
}
