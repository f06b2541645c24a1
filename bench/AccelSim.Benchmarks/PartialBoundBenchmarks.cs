using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Workloads;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>
/// One call of the branch-and-bound bound (<see cref="PartialBound"/>), the search's most frequent step on eyeriss-isca2016
/// (about 5 M calls per layer of DenseNet-121): on the optimum of DenseNet-121 dense2_12_conv1 (1x1, M128 C480 P28 Q28),
/// the complete mapping's bound (levels fixed from 0: every joint-order term) and the bound while the global buffer is
/// partly chosen (its M, C and P chosen, Q open: level 0's rest-level terms and the sliding conflict).
/// </summary>
public class PartialBoundBenchmarks
{
    private PartialBound _bound = null!;
    private int[][] _temporal = null!, _partial = null!, _x = null!, _y = null!;
    private int[] _high = null!;
    private TensorSet[] _keeps = null!;

    [GlobalSetup]
    public void Setup()
    {
        var arch = ArchitectureLibrary.Load("eyeriss-isca2016");
        var problem = new ProblemShape(1, 1, 128, 480, 28, 28, 1, 1);
        var mapping = Mapper.Search(problem, arch, Dataflows.Get(arch.Dataflows[0]), new MapperOptions().Sound()).Mapping;
        var levels = mapping.Levels;
        _temporal = levels.Select(l => l.Temporal.ToArray()).ToArray();
        _x = levels.Select(l => l.SpatialX.ToArray()).ToArray();
        _y = levels.Select(l => l.SpatialY.ToArray()).ToArray();
        _keeps = levels.Select(l => l.Keeps).ToArray();
        _bound = new PartialBound(problem, arch);
        // Level 1 chosen up to P (its Q open up to everything levels 0 and 1 share of Q); level 0 free.
        _partial = _temporal.Select(t => t.ToArray()).ToArray();
        _partial[0] = LevelMapping.Ones();
        _high = _partial[1].ToArray();
        _high[(int)Dim.Q] = _temporal[0][(int)Dim.Q] * _temporal[1][(int)Dim.Q];
        _partial[1][(int)Dim.Q] = 1;
    }

    [Benchmark]
    public double CompleteMapping() => _bound.Of(0, _temporal, _x, _y, _keeps, out _);

    [Benchmark]
    public double PartlyChosenGlobalBuffer() => _bound.OfPartialLevel(1, _high, _partial, _x, _y, _keeps, out _);
}
