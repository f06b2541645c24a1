using AccelSim.Architecture;
using AccelSim.Architecture.Timeloop;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Workloads;
using AccelSim.Workloads.Timeloop;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>
/// Issue #16's race against Timeloop (docs/timeloop.md, "The race"): the search time of one AlexNet CONV layer (Timeloop's
/// problem file) on Timeloop's eyeriss_like specification and ERT, with Timeloop's counting rules, the rs-timeloop
/// dataflow and the EDP objective; the default search and the sound one (<see cref="MapperOptions.Sound"/>). The inputs
/// are the test suite's copies (tests/AccelSim.Tests/Interop/TimeloopReference).
/// </summary>
public class TimeloopRaceBenchmarks
{
    private Accelerator _arch = null!;
    private ProblemShape _problem = null!;
    private MapperOptions _options = null!;

    [Params("AlexNet_layer1", "AlexNet_layer2", "AlexNet_layer3", "AlexNet_layer4", "AlexNet_layer5")]
    public string Layer { get; set; } = "AlexNet_layer1";

    [Params(false, true)]
    public bool Sound { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string eyeriss = Reference("eyeriss_like");
        _arch = TimeloopArchitecture.Load(Path.Combine(eyeriss, "parsed-processed-input.yaml"), Path.Combine(eyeriss, "timeloop-mapper.ERT.yaml"));
        _problem = TimeloopProblem.Load(Path.Combine(Reference("alexnet"), Layer + ".yaml")).Layers.Single(l => l.HasMacs).Problem!;
        var race = new MapperOptions { Objective = Objective.Edp, Counting = CountingRules.Timeloop() };
        _options = Sound ? race.Sound() : race;
    }

    [Benchmark]
    public double MapForEdp() => Mapper.Search(_problem, _arch, Dataflows.RowStationaryTimeloop, _options).Evaluation.EnergyDelayProduct;

    // BenchmarkDotNet runs from a generated folder below bin/: look upward for the repository's copy.
    private static string Reference(string design)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "AccelSim.Tests", "Interop", "TimeloopReference", design);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"TimeloopReference/{design} not found above {AppContext.BaseDirectory}");
    }
}
