using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Mapping.Search;
using AccelSim.Workloads;
using AccelSim.Workloads.Zoo;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>The mapper's full (pruned) search for the best-energy row-stationary mapping of each AlexNet CONV layer on eyeriss.</summary>
public class MapperBenchmarks
{
    private Accelerator _arch = null!;
    private ProblemShape[] _convs = [];

    [Params("conv1", "conv2", "conv3", "conv4", "conv5")]
    public string Layer { get; set; } = "conv1";

    [GlobalSetup]
    public void Setup()
    {
        _arch = ArchitectureLibrary.Load("eyeriss");
        _convs = ModelZoo.Get("alexnet").MacLayers.Where(l => l.Kind == LayerKind.Conv).Select(l => l.Problem!).ToArray();
    }

    [Benchmark]
    public double MapAlexNetConvLayer() =>
        Mapper.Search(_convs[int.Parse(Layer[4..]) - 1], _arch, Dataflows.RowStationary).Evaluation.TotalEnergy;
}
