using AccelSim.Architecture;
using AccelSim.Pipeline;
using AccelSim.Workloads;
using AccelSim.Workloads.Zoo;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>Whole-model evaluation on eyeriss as `accelsim run` does it: mapper for every distinct layer shape, the cycle-level
/// simulator for every MAC layer, the vector unit for the rest (no file output).</summary>
public class ModelRunBenchmarks
{
    private Accelerator _arch = null!;
    private ModelGraph _model = null!;

    [Params("alexnet", "mobilenet-v1", "resnet50")]
    public string Model { get; set; } = "alexnet";

    [GlobalSetup]
    public void Setup()
    {
        _arch = ArchitectureLibrary.Load("eyeriss");
        _model = ModelZoo.Get(Model);
    }

    [Benchmark]
    public double RunModelOnEyeriss() => ModelRunner.Run(_model, _arch, new ModelRunOptions()).Energy;
}
