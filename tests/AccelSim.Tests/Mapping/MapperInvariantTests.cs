using System.Collections.Concurrent;
using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>Invariants that every mapping the mapper evaluates must satisfy (SPEC §4).</summary>
public class MapperInvariantTests
{
    public static readonly ProblemShape AlexNetConv3 = new(1, 1, 384, 256, 13, 13, 3, 3);
    public static readonly ProblemShape AlexNetConv2 = new(1, 2, 128, 48, 27, 27, 5, 5);
    public static readonly ProblemShape StridedPointwise = new(1, 1, 64, 32, 14, 14, 1, 1, 2, 2);
    public static readonly ProblemShape Depthwise = new(1, 32, 1, 1, 28, 28, 3, 3);
    public static readonly ProblemShape FullyConnected = new(4, 1, 256, 1024, 1, 1, 1, 1);

    public static TheoryData<string, string> Cases() => new()
    {
        { "conv3", "rs" }, { "conv2", "ws" }, { "strided", "os" }, { "depthwise", "rs" }, { "fc", "ws" }, { "conv3", "nlr" }, { "fc", "is" },
    };

    private static ProblemShape Layer(string name) => name switch
    {
        "conv3" => AlexNetConv3, "conv2" => AlexNetConv2, "strided" => StridedPointwise, "depthwise" => Depthwise, _ => FullyConnected,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryEvaluatedMappingConservesMacsAndMovesEveryWordAtLeastOnce(string layer, string dataflow)
    {
        var problem = Layer(layer);
        var arch = ArchitectureLibrary.Load("eyeriss");
        var failures = new ConcurrentQueue<string>();
        long seen = 0;
        long usedInputs = UsedInputWords(problem);
        var options = new MapperOptions
        {
            SpatialCandidates = 4,
            MaximalTilesOnly = false, // walk every tiling that fits: the invariants must hold for all of them
            BranchAndBound = false,
            OnEvaluated = counts =>
            {
                Interlocked.Increment(ref seen);
                if (counts.Macs != problem.Macs) failures.Enqueue($"MACs {counts.Macs}");
                if (counts.Get(0, TensorKind.Weights).Reads < problem.TensorSize(TensorKind.Weights)) failures.Enqueue("DRAM weight reads below weight count");
                if (counts.Get(0, TensorKind.Inputs).Reads < usedInputs) failures.Enqueue("DRAM input reads below used inputs");
                if (counts.Get(0, TensorKind.Outputs).Updates < problem.TensorSize(TensorKind.Outputs)) failures.Enqueue("DRAM output updates below output count");
                for (int i = 1; i < counts.LevelCount; i++)
                {
                    var w = counts.Get(i, TensorKind.Weights);
                    if (w.Fills > 0 && w.Fills < problem.TensorSize(TensorKind.Weights)) failures.Enqueue($"level {i} weight fills {w.Fills}");
                    var x = counts.Get(i, TensorKind.Inputs);
                    if (x.Fills > 0 && x.Fills < usedInputs) failures.Enqueue($"level {i} input fills {x.Fills}");
                }
            },
        };
        var result = Mapper.Search(problem, arch, Dataflows.Get(dataflow), options);
        Assert.True(seen > 100, $"only {seen} mappings evaluated");
        Assert.Empty(failures.Take(5));
        Assert.Empty(MappingValidator.Check(problem, arch, result.Mapping));
        Assert.True(result.Evaluation.TotalEnergy >= result.LowerBoundEnergy);
    }

    // Distinct input words some MAC reads (stride > kernel leaves rows no MAC touches).
    private static long UsedInputWords(ProblemShape p)
    {
        long rows = Enumerable.Range(0, p.P).SelectMany(y => Enumerable.Range(0, p.R).Select(r => (long)y * p.StrideH + (long)r * p.DilationH)).Distinct().Count();
        long cols = Enumerable.Range(0, p.Q).SelectMany(x => Enumerable.Range(0, p.S).Select(s => (long)x * p.StrideW + (long)s * p.DilationW)).Distinct().Count();
        return (long)p.N * p.G * p.C * rows * cols;
    }

    [Theory]
    [InlineData("conv2", "rs")]
    [InlineData("conv3", "rs")]
    [InlineData("conv3", "ws")]
    [InlineData("depthwise", "rs")]
    public void BranchAndBoundFindsTheSameBestAsTheFullWalk(string layer, string dataflow)
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var problem = Layer(layer);
        var sound = new MapperOptions { SpatialCandidates = 6, MaximalTilesOnly = false };
        var pruned = Mapper.Search(problem, arch, Dataflows.Get(dataflow), sound);
        var full = Mapper.Search(problem, arch, Dataflows.Get(dataflow), sound with { BranchAndBound = false });
        Assert.Equal(full.Evaluation.TotalEnergy, pruned.Evaluation.TotalEnergy);
        Assert.Equal(full.Evaluation.Cycles, pruned.Evaluation.Cycles);
        Assert.True(pruned.Stats.Evaluations < full.Stats.Evaluations);
    }

    [Fact]
    public void ResultDoesNotDependOnTheNumberOfThreads()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var one = Mapper.Search(AlexNetConv2, arch, Dataflows.RowStationary, new MapperOptions { Threads = 1, SpatialCandidates = 6 });
        var two = Mapper.Search(AlexNetConv2, arch, Dataflows.RowStationary, new MapperOptions { Threads = 2, SpatialCandidates = 6 });
        Assert.Equal(MappingYaml.Write(arch, one.Mapping), MappingYaml.Write(arch, two.Mapping));
        Assert.Equal(one.Evaluation.TotalEnergy, two.Evaluation.TotalEnergy);
        Assert.Equal(one.Stats.Evaluations, two.Stats.Evaluations);
    }

    [Fact]
    public void SoundStatisticsDoNotDependOnTheNumberOfThreads()
    {
        // The sound search walks many items that each prune against the best of items well before them: what each sees
        // must not depend on which thread finished first.
        var arch = ArchitectureLibrary.Load("eyeriss-isca2016");
        var one = Mapper.Search(AlexNetConv2, arch, Dataflows.RowStationary, new MapperOptions { Threads = 1, SimulationCap = 0 }.Sound());
        var two = Mapper.Search(AlexNetConv2, arch, Dataflows.RowStationary, new MapperOptions { Threads = 2, SimulationCap = 0 }.Sound());
        Assert.Equal(MappingYaml.Write(arch, one.Mapping), MappingYaml.Write(arch, two.Mapping));
        Assert.Equal(one.Stats.Evaluations, two.Stats.Evaluations);
        Assert.Equal(one.Stats.BoundPruned, two.Stats.BoundPruned);
        Assert.Equal(one.Stats.CapacityPruned, two.Stats.CapacityPruned);
        Assert.True(one.Stats.BoundPruned > 0);
    }

    [Fact]
    public void RandomSamplingIsReproducibleAndNoBetterThanExhaustive()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var options = new MapperOptions { RandomSamples = 20_000, Seed = 7, SpatialCandidates = 6 };
        var a = Mapper.Search(AlexNetConv3, arch, Dataflows.RowStationary, options);
        var b = Mapper.Search(AlexNetConv3, arch, Dataflows.RowStationary, options with { Threads = 1 });
        var exhaustive = Mapper.Search(AlexNetConv3, arch, Dataflows.RowStationary, new MapperOptions { SpatialCandidates = 6 });
        Assert.Equal(a.Evaluation.TotalEnergy, b.Evaluation.TotalEnergy);
        Assert.True(a.Evaluation.TotalEnergy >= exhaustive.Evaluation.TotalEnergy);
    }

    [Fact]
    public void LatencyObjectiveFindsNoSlowerMappingThanEnergyObjective()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var energy = Mapper.Search(AlexNetConv2, arch, Dataflows.RowStationary, new MapperOptions { SpatialCandidates = 4 });
        var latency = Mapper.Search(AlexNetConv2, arch, Dataflows.RowStationary, new MapperOptions { Objective = Objective.Latency, SpatialCandidates = 4 });
        Assert.True(latency.Evaluation.Cycles <= energy.Evaluation.Cycles);
        Assert.True(energy.Evaluation.TotalEnergy <= latency.Evaluation.TotalEnergy);
    }

    [Fact]
    public void ABufferSmallerThanOneTileEndsWithAClearMessage()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        // Row stationary keeps a whole filter row in the filter spad: an 11-wide row of 1,000 channels cannot shrink below 11 words,
        // but a spad of 8 filter words cannot hold even that.
        var spad = arch.Levels[2].Storage with { PartitionWords = new Dictionary<TensorKind, long> { [TensorKind.Weights] = 8, [TensorKind.Inputs] = 12, [TensorKind.Outputs] = 24 } };
        var tiny = arch with { Levels = [arch.Levels[0], arch.Levels[1], arch.Levels[2] with { Storage = spad }] };
        var e = Assert.Throws<MappingException>(() => Mapper.Search(new ProblemShape(1, 1, 96, 3, 55, 55, 11, 11, 4, 4), tiny, Dataflows.RowStationary));
        Assert.Contains("no valid mapping", e.Message);
    }
}
