using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Mapping.Search;
using AccelSim.Model;
using AccelSim.Workloads;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>One analytical evaluation (prepare + count) of the mapper's best mapping of AlexNet CONV3 on eyeriss.</summary>
[MemoryDiagnoser]
public class AnalyticalModelBenchmarks
{
    private AccessCounter _counter = null!;
    private AccessCounts _counts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var problem = new ProblemShape(1, 1, 384, 256, 13, 13, 3, 3);
        var best = Mapper.Search(problem, arch, Dataflows.RowStationary).Mapping;
        _counter = new AccessCounter(problem, arch);
        _counter.Load(best);
        _counts = new AccessCounts(arch.Levels.Count);
    }

    [Benchmark]
    public long EvaluateAlexNetConv3Mapping()
    {
        _counter.Prepare();
        _counter.Count(_counts);
        return _counts.Get(0, TensorKind.Weights).Reads;
    }
}
