using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// The tie cut (<see cref="MapperOptions.CutsTies"/>, docs/mapper.md "Cutting ties the tie-breaks never need") leaves out
/// tied branches only: the sound search returns the same mapping, energy, cycles, kept candidates (same mappings, same
/// order), simulated winner and proof with it as without it, on random layers and architectures and on real depthwise
/// layers (shrunk) where it does cut.
/// </summary>
public class TieCutTests
{
    /// <summary>Random tiny layers on random three- to five-level architectures, under small simulation caps (so the
    /// candidate sets fill and their cutoffs act) and with the simulated pick off (the analytical tie-break alone).</summary>
    [Fact]
    public void OnRandomCasesTheCutChangesNothingButTheWalk()
    {
        long cut = 0;
        for (int seed = 0; seed < 32; seed++)
        {
            var c = seed % 2 == 0 ? RandomCase.FromSeed(seed, perAxis: true) : RandomDeepCase.FromSeed(seed);
            var flow = Dataflows.Get(seed % 3 == 0 ? "os" : "ws");
            foreach (int cap in new[] { 0, 1, 3 })
                cut += SameWithAndWithout(c.Problem, c.Arch, flow, cap, c.ToString());
        }
        Assert.True(cut > 0, "the tie cut never acted on the random cases: the test would test nothing");
    }

    public static TheoryData<string, string, int> RealLayers() => new()
    {
        { "tpu-v1", "conv4_dw", MapperOptions.DefaultSimulationCap },
        { "tpu-v1", "conv4_dw", 0 },
        { "tpu-v1", "conv4_dw", 2 },
        { "tpu-v1", "conv2_dw", 8 },
        { "tpu-v1", "conv2_dw", 1 },
        { "simba", "conv2_dw", 8 },
        { "simba", "conv6_dw", 2 },
    };

    /// <summary>MobileNet v1 depthwise layers (P and Q shrunk to 14 so both walks fit the test budget) on tpu-v1, where
    /// millions of mappings tie in energy, and on simba.</summary>
    [Theory]
    [MemberData(nameof(RealLayers))]
    public void OnRealDepthwiseLayersTheCutActsAndChangesNothing(string archName, string layer, int cap)
    {
        var arch = ArchitectureLibrary.Load(archName);
        var problem = ModelZoo.Get("mobilenet-v1").Find(layer)!.Problem! with { P = 14, Q = 14 };
        long cut = SameWithAndWithout(problem, arch, Dataflows.Get(arch.Dataflows[0]), cap, $"{archName} {layer}");
        Assert.True(cut > 0, $"the tie cut never acted on {layer} on {archName}");
    }

    // Searches with and without the cut and asserts every result the search hands on is the same; returns the cut's count.
    private static long SameWithAndWithout(ProblemShape problem, Accelerator arch, Dataflow flow, int cap, string what)
    {
        var options = new MapperOptions { SimulationCap = cap }.Sound();
        var (with, withKept) = Search(problem, arch, flow, options);
        var (without, withoutKept) = Search(problem, arch, flow, options with { CutsTies = false });
        if (with is null || without is null)
        {
            Assert.True(with is null && without is null, what);
            return 0;
        }
        Assert.Equal(0, without.Stats.TiesCut);
        Assert.Equal(Describe(without.Mapping), Describe(with.Mapping));
        Assert.Equal(without.Evaluation.TotalEnergy, with.Evaluation.TotalEnergy);
        Assert.Equal(without.Evaluation.Cycles, with.Evaluation.Cycles);
        Assert.Equal(withoutKept, withKept);
        if (cap > 0)
        {
            var a = without.Stats.Simulation!;
            var b = with.Stats.Simulation!;
            Assert.Equal((a.WinnerCycles, a.Simulated, a.Skipped, a.TooLong, a.Proven), (b.WinnerCycles, b.Simulated, b.Skipped, b.TooLong, b.Proven));
            // Honest counts: the cut leaves out tied mappings unevaluated, so fewer are met and fewer left out by the cap.
            Assert.Equal(a.Candidates - a.Capped, b.Candidates - b.Capped);
            Assert.True(b.Candidates <= a.Candidates, what);
        }
        Assert.True(with.Stats.Evaluations <= without.Stats.Evaluations, what);
        return with.Stats.TiesCut;
    }

    // The search's result (null when no valid mapping exists) and the candidates its simulated pick kept, in order.
    private static (MapperResult?, List<string>) Search(ProblemShape problem, Accelerator arch, Dataflow flow, MapperOptions options)
    {
        var kept = new List<string>();
        try
        {
            var result = Mapper.Search(problem, arch, flow, options with { OnSimulationCandidates = pool => kept.AddRange(pool.Select(Describe)) });
            return (result, kept);
        }
        catch (MappingException) { return (null, kept); }
    }

    private static string Describe(LoopMapping m) => string.Join(" | ", m.Levels.Select(l =>
        $"T[{string.Join(",", l.Temporal)}] O[{string.Join("", l.Order)}] X[{string.Join(",", l.SpatialX)}] Y[{string.Join(",", l.SpatialY)}] K[{l.Keeps}]"));
}
