using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
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

/// <summary>
/// One analytical evaluation of an imperfectly factorized mapping: the mapper's best (with imperfect spatial factors) of
/// AlexNet conv1 on eyeriss, 55 output columns over 14 PE columns (docs/model.md, "Imperfect factorization").
/// </summary>
[MemoryDiagnoser]
public class ImperfectModelBenchmarks
{
    private AccessCounter _counter = null!;
    private AccessCounts _counts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var problem = new ProblemShape(1, 1, 96, 3, 55, 55, 11, 11, 4, 4);
        var best = Mapper.Search(problem, arch, Dataflows.RowStationary, new MapperOptions { ImperfectFactors = true }).Mapping;
        _counter = new AccessCounter(problem, arch);
        _counter.Load(best);
        _counter.Prepare();
        if (!_counter.Imperfect) throw new InvalidOperationException("the benchmark needs an imperfect mapping");
        _counts = new AccessCounts(arch.Levels.Count);
    }

    [Benchmark]
    public long EvaluateAlexNetConv1ImperfectMapping()
    {
        _counter.Prepare();
        _counter.Count(_counts);
        return _counts.Get(0, TensorKind.Weights).Reads;
    }
}
