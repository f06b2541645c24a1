using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Workloads;
using AccelSim.Workloads.Zoo;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>
/// The mapper's full (pruned) search for the best-energy row-stationary mapping of each AlexNet CONV layer on eyeriss, with
/// the simulated tie-break (default cap) and without it (cap 0: the analytical tie-break alone).
/// </summary>
public class MapperBenchmarks
{
    private Accelerator _arch = null!;
    private ProblemShape[] _convs = [];

    [Params("conv1", "conv2", "conv3", "conv4", "conv5")]
    public string Layer { get; set; } = "conv1";

    [Params(0, 64)]
    public int SimulationCap { get; set; } = 64;

    [GlobalSetup]
    public void Setup()
    {
        _arch = ArchitectureLibrary.Load("eyeriss");
        _convs = ModelZoo.Get("alexnet").MacLayers.Where(l => l.Kind == LayerKind.Conv).Select(l => l.Problem!).ToArray();
    }

    [Benchmark]
    public double MapAlexNetConvLayer() =>
        Mapper.Search(_convs[int.Parse(Layer[4..]) - 1], _arch, Dataflows.RowStationary, new MapperOptions { SimulationCap = SimulationCap }).Evaluation.TotalEnergy;
}
