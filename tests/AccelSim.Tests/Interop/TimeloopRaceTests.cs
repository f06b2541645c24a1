using AccelSim.Architecture;
using AccelSim.Architecture.Timeloop;
using AccelSim.Mapping;
using AccelSim.Mapping.Timeloop;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using AccelSim.Workloads.Timeloop;

namespace AccelSim.Tests.Interop;

/// <summary>
/// Issue #16's race against Timeloop on its own ground (docs/timeloop.md, "The race"): Timeloop's eyeriss_like
/// specification and ERT, its AlexNet CONV1-5 problem files, Timeloop's counting rules, the rs-timeloop dataflow (its
/// constraints) and the EDP objective. Each layer's EDP must be at most the best Timeloop's random mapper found with up to
/// 300 s per layer on a 2-core machine (issue #16's figures), and CONV2 must reach Timeloop's 85.7 % utilization. The
/// mappings found must also meet the constraints written in Timeloop's own file, and have a Timeloop form.
/// </summary>
public class TimeloopRaceTests
{
    /// <summary>Layer file, Timeloop's best EDP in J·cycle (issue #16).</summary>
    public static TheoryData<string, double> Layers() => new()
    {
        { "AlexNet_layer1", 182 },
        { "AlexNet_layer2", 3410 },
        { "AlexNet_layer3", 352 },
        { "AlexNet_layer4", 778 },
        { "AlexNet_layer5", 342 },
    };

    private static string Spec => Path.Combine(TimeloopReferenceTests.Folder("eyeriss_like"), "parsed-processed-input.yaml");

    private static readonly Lazy<Accelerator> EyerissLike = new(() =>
        TimeloopArchitecture.Load(Spec, Path.Combine(TimeloopReferenceTests.Folder("eyeriss_like"), "timeloop-mapper.ERT.yaml")));

    private static ProblemShape Problem(string layer) =>
        TimeloopProblem.Load(Path.Combine(TimeloopReferenceTests.Folder("alexnet"), layer + ".yaml")).Layers.Single(l => l.HasMacs).Problem!;

    private static readonly MapperOptions Race = new() { Objective = Objective.Edp, Counting = CountingRules.Timeloop() };

    // Timeloop's EDP: its reported energy (whole blocks and leakage included) in J times its cycles.
    private static double EdpJouleCycles(Evaluation e) => e.EnergyDelayProduct * 1e-12;

    [Theory]
    [MemberData(nameof(Layers))]
    public void EveryLayerBeatsOrTiesTimeloopsBestEdp(string layer, double timeloopBest)
    {
        var arch = EyerissLike.Value;
        Assert.Equal("pJ", arch.EnergyUnit);
        var result = Mapper.Search(Problem(layer), arch, Dataflows.RowStationaryTimeloop, Race);
        double edp = EdpJouleCycles(result.Evaluation);
        Assert.True(edp <= timeloopBest, $"{layer}: EDP {edp:F1} J·cycle > Timeloop's best {timeloopBest}");
        // The mapping lies in Timeloop's own mapspace: its file's constraints hold and the mapping has a Timeloop form.
        TimeloopConstraintCheck.CheckFile(Spec, arch, result.Mapping);
        TimeloopExportCheck.Check("race.yaml", Problem(layer), arch, result.Mapping, CountingRules.Timeloop());
        Assert.Contains("mapping:", TimeloopMappingYaml.Write(arch, result.Mapping));
    }

    [Fact]
    public void Conv2ReachesTimeloopsUtilization()
    {
        var result = Mapper.Search(Problem("AlexNet_layer2"), EyerissLike.Value, Dataflows.RowStationaryTimeloop, Race);
        // Timeloop's best uses 144 of the 168 PEs (85.7 %).
        Assert.True(result.Evaluation.Utilization >= 144.0 / 168, $"utilization {result.Evaluation.Utilization:P1}");
    }

    [Fact]
    public void TheDocumentedCommandRunsTheRaceOnConv2()
    {
        // docs/timeloop.md's command, in-process: Timeloop's problem file and specification, its counting, EDP.
        string eyeriss = TimeloopReferenceTests.Folder("eyeriss_like");
        var (exit, output, error) = CliRunner.Run("map", "--model", Path.Combine(TimeloopReferenceTests.Folder("alexnet"), "AlexNet_layer2.yaml"),
            "--layer", "AlexNet_layer2", "--arch", Spec, "--ert", Path.Combine(eyeriss, "timeloop-mapper.ERT.yaml"),
            "--counting", "timeloop", "--dataflow", "rs-timeloop", "--objective", "edp", "--simulation-cap", "0");
        Assert.True(exit == 0, error);
        Assert.Contains("analytical cycles 3,110,400", output);
        Assert.Contains("utilization 85.7 %", output);
        Assert.Contains("counting rules: timeloop", output);
    }

    [Fact]
    public void TheDefaultSearchFindsTheOptimumOfTheDeclaredSpaceOnConv1()
    {
        // The sound search (every unrolling, no dominance rule, pruned by the bound under Timeloop's rules) returns the
        // optimum of the declared space; the default search returns the same objective.
        var problem = Problem("AlexNet_layer1");
        var quick = Mapper.Search(problem, EyerissLike.Value, Dataflows.RowStationaryTimeloop, Race);
        var sound = Mapper.Search(problem, EyerissLike.Value, Dataflows.RowStationaryTimeloop, Race.Sound());
        Assert.True(sound.Stats.Sound);
        Assert.True(sound.Stats.BoundPruned > 0, "the bound pruned nothing under Timeloop's counting rules");
        double optimum = sound.Evaluation.EnergyDelayProduct;
        Assert.Equal(optimum, quick.Evaluation.EnergyDelayProduct, optimum * Incumbent.RoundingMargin);
    }
}
