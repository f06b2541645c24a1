using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// The default search, the sound one (<see cref="MapperOptions.Sound"/>, <c>--exhaustive</c> names it: every spatial
/// unrolling, no dominance rule), loses nothing to its pruning (issue #16's acceptance test; docs/mapper.md "The switch to
/// the sound default"): branch and bound, the seed, the bound-order walk and the separable loop orders. On every
/// shipped architecture under its own dataflow, for a conv, a 1x1, a depthwise, an FC and an attention matmul layer (shapes
/// reduced so that an unpruned walk fits the test budget), under the energy, the latency and the EDP objective, it returns the same
/// mapping figures as a walk of the same space with no pruning at all; and with a background power in the objective
/// (energy and EDP), where the loop-order narrowing keeps the orders within the background slack (docs/mapper.md).
/// </summary>
public class SoundSearchTests
{
    private static readonly Dictionary<string, ProblemShape> Layers = new()
    {
        ["conv"] = new(1, 1, 4, 2, 3, 3, 3, 3),
        ["pointwise"] = new(1, 1, 8, 8, 2, 2, 1, 1),
        ["depthwise"] = new(1, 4, 1, 1, 4, 4, 3, 3),
        ["fc"] = new(2, 1, 16, 16, 1, 1, 1, 1),
        ["attention"] = new(4, 2, 4, 8, 1, 1, 1, 1), // per head (G): tokens (N) x keys (M), head width 8 (C)
    };

    public static TheoryData<string, string, Objective> Cases()
    {
        var data = new TheoryData<string, string, Objective>();
        foreach (var arch in ArchitectureLibrary.Names)
            foreach (var layer in Layers.Keys)
                foreach (var objective in new[] { Objective.Energy, Objective.Latency, Objective.Edp })
                    data.Add(arch, layer, objective);
        return data;
    }

    /// <summary>Every shipped architecture priced in pJ with a background power of 50 mW (eyeriss' own is 106.3 mW), under
    /// the energy objective (loop orders narrowed within the background slack) and EDP.</summary>
    public static TheoryData<string, string, Objective> BackgroundCases()
    {
        var data = new TheoryData<string, string, Objective>();
        foreach (var arch in ArchitectureLibrary.Names.Where(a => ArchitectureLibrary.Load(a).EnergyUnit == "pJ"))
            foreach (var layer in Layers.Keys)
                foreach (var objective in new[] { Objective.Energy, Objective.Edp })
                    data.Add(arch, layer, objective);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheSoundSearchEqualsAnUnprunedWalkOfItsSpace(string archName, string layer, Objective objective) =>
        SameAsUnpruned(ArchitectureLibrary.Load(archName), layer, objective);

    [Theory]
    [MemberData(nameof(BackgroundCases))]
    public void WithBackgroundPowerTheSoundSearchEqualsAnUnprunedWalk(string archName, string layer, Objective objective) =>
        SameAsUnpruned(ArchitectureLibrary.Load(archName) with { BackgroundPowerWatts = 0.05 }, layer, objective);

    private static void SameAsUnpruned(Accelerator arch, string layer, Objective objective)
    {
        var problem = Layers[layer];
        var flow = Dataflows.Get(arch.Dataflows[0]);
        var found = Mapper.Search(problem, arch, flow, new MapperOptions { Objective = objective });
        Assert.True(found.Stats.Sound);
        var unpruned = Mapper.Search(problem, arch, flow, new MapperOptions
        {
            Objective = objective,
            BranchAndBound = false,
            MaximalTilesOnly = false,
            SpatialCandidates = int.MaxValue,
            MirrorSymmetric = null, // every mirror twin too (the sound search keeps one per class)
        });
        Assert.Equal(unpruned.Stats.SpatialCandidates, found.Stats.SpatialCandidates);
        Assert.Equal(unpruned.Stats.TilingSpace, found.Stats.TilingSpace);
        // Both pick the lowest objective, ties by the other figure then by enumeration order: the same mapping's figures.
        Assert.Equal(unpruned.Evaluation.TotalEnergy, found.Evaluation.TotalEnergy);
        Assert.Equal(unpruned.Evaluation.Cycles, found.Evaluation.Cycles);
    }

    /// <summary>
    /// The grown-tile skip (<see cref="MapperOptions.MaximalTilesOnly"/>) is not a proof even where no tensor bypasses the
    /// level (docs/mapper.md): found by a brute-force comparison over random layers and small three-level architectures
    /// whose every level keeps every tensor. Growing the buffer's M tile forces an M loop inside the buffer, so the register
    /// file's weights can no longer be reused across DRAM's outer loops; the skipped, smaller tile costs 0.7 % less.
    /// </summary>
    [Fact]
    public void TheDefaultIsTheSoundSearchAndFastAddsItsHeuristics()
    {
        Assert.Equal(new MapperOptions().Sound(), new MapperOptions());
        var fast = new MapperOptions().Fast();
        Assert.Equal(MapperOptions.FastSpatialCandidates, fast.SpatialCandidates);
        Assert.True(fast.MaximalTilesOnly);
        var sound = fast.Sound();
        Assert.Equal(int.MaxValue, sound.SpatialCandidates);
        Assert.False(sound.MaximalTilesOnly);
        Assert.Equal(new MapperOptions(), sound);
        Assert.NotEqual(new MapperOptions(), sound.Fast());
    }

    /// <summary>
    /// The statistics say which search ran: BERT q_proj's shape reduced to 64 tokens on simba, where the fast search leaves
    /// out unrollings by its cap and skips dominated tilings; the default leaves out nothing.
    /// </summary>
    [Fact]
    public void TheStatisticsDeclareTheFastSearchAsHeuristic()
    {
        var arch = ArchitectureLibrary.Load("simba");
        var problem = new ProblemShape(64, 1, 64, 64, 1, 1, 1, 1);
        var flow = Dataflows.Get(arch.Dataflows[0]);
        var sound = Mapper.Search(problem, arch, flow, new MapperOptions().Sound()).Stats;
        var fast = Mapper.Search(problem, arch, flow, new MapperOptions().Fast()).Stats;
        Assert.True(sound.Sound);
        Assert.Equal(0, sound.SpatialCapped);
        // Every unrolling is searched, each mirror class (docs/mapper.md, "Mirrored unrollings") once: simba's 4x4 PEs are
        // square, so fewer are walked than enumerated, but more than the fast search's cap.
        Assert.InRange(sound.SpatialSearched, MapperOptions.FastSpatialCandidates + 1, sound.SpatialCandidates);
        Assert.False(fast.Sound);
        Assert.True(fast.DominatedSkip);
        Assert.Equal(MapperOptions.FastSpatialCandidates, fast.SpatialSearched);
        Assert.Equal(fast.SpatialCandidates - MapperOptions.FastSpatialCandidates, fast.SpatialCapped);
    }

    [Fact]
    public void TheGrownTileSkipIsNotAProofEvenWhenTheLevelKeepsEveryTensor()
    {
        var arch = TestArchitectures.ThreeLevel(1, 1, TensorSet.All, reduction: true, bufferWords: 512, rfWords: 16);
        var problem = new ProblemShape(1, 1, 16, 8, 4, 1, 3, 3);
        var sound = Mapper.Search(problem, arch, Dataflows.Get("ws"), new MapperOptions().Sound());
        var skipping = Mapper.Search(problem, arch, Dataflows.Get("ws"), new MapperOptions { MaximalTilesOnly = true });
        Assert.All(sound.Mapping.Levels, l => Assert.Equal(TensorSet.All, l.Keeps));
        Assert.Equal(324448, sound.Evaluation.TotalEnergy, 1e-6);
        Assert.Equal(326752, skipping.Evaluation.TotalEnergy, 1e-6);
    }
}
