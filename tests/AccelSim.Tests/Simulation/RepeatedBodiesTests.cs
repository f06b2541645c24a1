using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Simulation;

/// <summary>
/// Repeated loop bodies added in closed form (SimulationEngine.Repeats.cs, docs/simulator.md) against the walk of every
/// compute block: every count, cycle, stall and port figure is the same, and the skipping really happens.
/// </summary>
public class RepeatedBodiesTests
{
    private static readonly SimulationOptions EveryBlock = new() { WalkEveryBody = true };

    [Fact]
    public void RandomCasesWithFiniteBandwidthsAndFifosEqualTheFullWalk()
    {
        int skipped = 0, cases = 0;
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed);
            var rng = new Random(seed);
            var arch = WithRandomFifos(SimulatorAgreementTests.WithRandomPorts(c.Arch, rng), rng);
            var walked = CycleSimulator.Run(c.Problem, arch, c.Mapping, EveryBlock);
            var fast = CycleSimulator.Run(c.Problem, arch, c.Mapping);
            cases++;
            if (fast.WalkedBlocks < walked.WalkedBlocks) skipped++;
            string difference = Difference(walked, fast);
            return (difference == "").Label($"seed {seed}: {difference}; case {c}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
        // Not vacuous: a good share of the random nests have a loop long enough to repeat.
        Assert.True(skipped * 10 >= cases, $"only {skipped} of {cases} random cases skipped repeated bodies");
    }

    [Theory]
    [InlineData("CONV1")]
    [InlineData("CONV2")]
    [InlineData("CONV3")]
    [InlineData("CONV4")]
    [InlineData("CONV5")]
    [InlineData("FC6")]
    public void AlexNetOnEyerissEqualsTheFullWalk(string layer)
    {
        var problem = RealLayers.AlexNet[layer];
        var mapping = RealLayers.EyerissMapping(layer);
        AssertSkipsAndEquals(problem, RealLayers.Eyeriss.Value, mapping);
    }

    // The two architectures whose whole-model runs were slowest (one-word PE registers: one compute block per cycle), on
    // a reduced VGG-16 conv layer and a pointwise one, with the mapper's own mappings.
    [Theory]
    [InlineData("nlr", 1, 64, 32, 28, 3)]
    [InlineData("nlr", 1, 96, 96, 13, 1)]
    [InlineData("shidiannao", 1, 64, 32, 28, 3)]
    [InlineData("shidiannao", 1, 96, 96, 13, 1)]
    [InlineData("simba", 2, 64, 32, 14, 3)]
    [InlineData("eyeriss-isca2016", 1, 64, 32, 28, 3)]
    [InlineData("eyeriss-like", 1, 64, 32, 28, 3)]
    public void MapperMappingsOnShippedArchitecturesEqualTheFullWalk(string archName, int batch, int m, int c, int size, int kernel)
    {
        var arch = ArchitectureLibrary.Load(archName);
        var problem = new ProblemShape(batch, 1, m, c, size, size, kernel, kernel);
        var mapping = Mapper.Search(problem, arch, Dataflows.Get(arch.Dataflows[0])).Mapping;
        AssertSkipsAndEquals(problem, arch, mapping);
    }

    // Xception's block3_sep2_pw on ShiDianNao, with the mapping `accelsim run` picks: 90.7 M one-cycle blocks, which the
    // walk refused before (more than CycleSimulator.MaxSteps). It now simulates, walking a few thousand of them, and its
    // counts and compute cycles equal the analytical model's.
    [Fact]
    public void XceptionBlock3PointwiseOnShiDianNaoSimulates()
    {
        var arch = ArchitectureLibrary.Load("shidiannao");
        var problem = new ProblemShape(1, 1, 728, 728, 37, 37, 1, 1);
        var mapping = MappingYaml.Parse(XceptionMapping, "test", arch);
        Assert.Equal(90_693_512, new NestLayout(arch, mapping).Steps);
        var sim = CycleSimulator.Run(problem, arch, mapping);
        var analytical = AnalyticalModel.Evaluate(problem, arch, mapping);
        Assert.True(analytical.Counts.SameAs(sim.Counts, out string difference), difference);
        Assert.Equal(analytical.ComputeCycles, sim.ComputeCycles);
        Assert.True(sim.TotalCycles >= analytical.BandwidthCycles.Max());
        Assert.True(sim.WalkedBlocks < 100_000, $"walked {sim.WalkedBlocks:N0} blocks");
    }

    // The same nest with P and Q reduced from 37 to 5, so that the full walk fits a test: equal figures.
    [Fact]
    public void XceptionBlock3PointwiseReducedEqualsTheFullWalk()
    {
        var arch = ArchitectureLibrary.Load("shidiannao");
        var problem = new ProblemShape(1, 1, 728, 728, 5, 5, 1, 1);
        var mapping = MappingYaml.Parse(XceptionMapping.Replace("P: 37", "P: 5").Replace("Q: 37", "Q: 5"), "test", arch);
        AssertSkipsAndEquals(problem, arch, mapping);
    }

    [Fact]
    public void TheLimitCountsWalkedBlocksOnly()
    {
        var problem = RealLayers.AlexNet["CONV3"];
        var mapping = RealLayers.EyerissMapping("CONV3");
        var fast = CycleSimulator.Run(problem, RealLayers.Eyeriss.Value, mapping);
        // The same limit stops the full walk, with the one-line error naming the layer, and lets the skipping run finish.
        var limited = new SimulationOptions { MaxWalkedBlocks = fast.WalkedBlocks };
        Assert.Equal(fast.TotalCycles, CycleSimulator.Run(problem, RealLayers.Eyeriss.Value, mapping, limited).TotalCycles);
        var e = Assert.Throws<MappingException>(() => CycleSimulator.Run(problem, RealLayers.Eyeriss.Value, mapping, limited with { WalkEveryBody = true }));
        Assert.Contains("compute blocks, more than the limit", e.Message);
        Assert.StartsWith(problem.ToString(), e.Message);
    }

    private static void AssertSkipsAndEquals(ProblemShape problem, Accelerator arch, LoopMapping mapping)
    {
        var walked = CycleSimulator.Run(problem, arch, mapping, EveryBlock);
        var fast = CycleSimulator.Run(problem, arch, mapping);
        Assert.Equal("", Difference(walked, fast));
        Assert.Equal(new NestLayout(arch, mapping).Steps, walked.WalkedBlocks);
        Assert.True(fast.WalkedBlocks < walked.WalkedBlocks / 4, $"walked {fast.WalkedBlocks:N0} of {walked.WalkedBlocks:N0} blocks");
    }

    // Every figure of a simulation result, compared exactly; "" when equal.
    internal static string Difference(SimulationResult expected, SimulationResult actual)
    {
        if (!expected.Counts.SameAs(actual.Counts, out string counts)) return "counts: " + counts;
        if (expected.TotalCycles != actual.TotalCycles) return $"total cycles {expected.TotalCycles} vs {actual.TotalCycles}";
        if (expected.ComputeCycles != actual.ComputeCycles) return $"compute cycles {expected.ComputeCycles} vs {actual.ComputeCycles}";
        if (expected.PipelineCycles != actual.PipelineCycles) return $"pipeline cycles {expected.PipelineCycles} vs {actual.PipelineCycles}";
        if (!expected.Stalls.SequenceEqual(actual.Stalls))
            return $"stalls [{string.Join(", ", expected.Stalls)}] vs [{string.Join(", ", actual.Stalls)}]";
        if (!expected.Levels.SequenceEqual(actual.Levels))
            return $"timelines [{string.Join(", ", expected.Levels)}] vs [{string.Join(", ", actual.Levels)}]";
        return "";
    }

    // Single-buffered levels get a stream FIFO a third of the time, so that changes that fit it overlap compute.
    private static Accelerator WithRandomFifos(Accelerator arch, Random rng) => arch with
    {
        Levels = arch.Levels.Select(l => l.Storage.DoubleBuffered || rng.Next(3) != 0 ? l : l with
        {
            Storage = l.Storage with { StreamFifoWords = Tensors.All.ToDictionary(t => t, _ => (long)rng.Next(1, 17)) },
        }).ToList(),
    };

    private const string XceptionMapping = """
        levels:
          - name: DRAM
            temporal: {M: 7, C: 2, P: 37}
            order: [M, C, P]
            spatial_x: {}
            spatial_y: {}
            keeps: [weights, inputs, outputs]
          - name: Buffers
            temporal: {M: 13, C: 364, Q: 37}
            order: [M, Q, C]
            spatial_x: {M: 8}
            spatial_y: {}
            keeps: [weights, inputs, outputs]
          - name: PERegisters
            temporal: {}
            order: []
            spatial_x: {}
            spatial_y: {}
            keeps: [outputs]
        """;
}
