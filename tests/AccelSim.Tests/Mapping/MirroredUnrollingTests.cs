using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using AccelSim.Workloads.Zoo;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// The sound search's mirror reduction (<see cref="SpatialCandidateMirrors"/>, docs/mapper.md "Mirrored unrollings"): at a
/// square, non-systolic fan-out whose network does the same on X and Y, swapping a mapping's X and Y factors changes no
/// count, energy, analytical or simulated cycle; so the search that keeps one unrolling per mirror class returns the same
/// mapping as the one that walks every twin, on random layers and architectures and on real layers of the shipped ones.
/// A reduction that also mirrors an asymmetric fan-out is caught.
/// </summary>
public class MirroredUnrollingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AMirrorImageHasTheSameCountsEnergyAndCycles(bool timeloop)
    {
        var rules = timeloop ? CountingRules.Timeloop(TimeloopHalo.Head) : CountingRules.AccelSim;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed, perAxis: true);
            var arch = Symmetrized(c.Arch);
            var failures = new List<string>();
            for (int level = 0; level < arch.Levels.Count; level++)
            {
                if (!SpatialCandidateMirrors.IsMirrorSymmetric(arch, level)) continue;
                var mirror = Mirrored(c.Mapping, level);
                var a = AnalyticalModel.Evaluate(c.Problem, arch, c.Mapping, rules);
                var b = AnalyticalModel.Evaluate(c.Problem, arch, mirror, rules);
                if (!Same(a, b)) failures.Add($"level {level}: {a.TotalEnergy} pJ {a.Cycles} cycles, mirrored {b.TotalEnergy} pJ {b.Cycles} cycles");
                if (!timeloop && seed % 4 == 0)
                {
                    long simulated = CycleSimulator.Run(c.Problem, arch, c.Mapping).TotalCycles;
                    long mirrored = CycleSimulator.Run(c.Problem, arch, mirror).TotalCycles;
                    if (simulated != mirrored) failures.Add($"level {level}: simulated {simulated} cycles, mirrored {mirrored}");
                }
            }
            return (failures.Count == 0).Label($"seed {seed}: {string.Join("; ", failures)}; case {c}");
        }));
    }

    /// <summary>Random layers on random square architectures (per-axis networks made alike, diagonal multicast or not,
    /// lanes below the PEs that are not square): the reduced sound search returns the very mapping of the full one.</summary>
    [Fact]
    public void TheReducedSoundSearchReturnsTheFullSearchsMapping()
    {
        int reduced = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed, perAxis: true);
            var arch = Symmetrized(c.Arch);
            var objective = (Objective)new Random(seed).Next(3);
            var (full, kept) = BothSearches(c.Problem, arch, Dataflows.Get(seed % 2 == 0 ? "ws" : "os"), objective);
            if (full is null || kept is null) return (full is null && kept is null).Label($"seed {seed}: only one search found a mapping");
            if (kept.Stats.SpatialSearched < full.Stats.SpatialSearched) Interlocked.Increment(ref reduced);
            return SameResult(full, kept).Label($"seed {seed}: {Describe(full)} vs reduced {Describe(kept)}; case {c}");
        }));
        Assert.True(reduced > 0, "no random case had a mirror class to reduce: the property tested nothing");
    }

    public static TheoryData<string, string, string> RealLayers()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var arch in ArchitectureLibrary.Names)
            foreach (var (model, layer) in new[] { ("alexnet", "conv3"), ("mobilenet-v1", "conv4_pw"), ("mobilenet-v1", "conv4_dw"), ("vgg16", "fc7"), ("bert-base-encoder", "q_proj"), ("bert-base-encoder", "scores") })
                data.Add(arch, model, layer);
        return data;
    }

    /// <summary>Real layers (shrunk so both searches fit the test budget) on every shipped architecture under its dataflow.</summary>
    [Theory]
    [MemberData(nameof(RealLayers))]
    public void OnRealLayersTheReducedSearchEqualsTheFullOne(string archName, string model, string layer)
    {
        var arch = ArchitectureLibrary.Load(archName);
        var problem = Shrunk(ModelZoo.Get(model).Find(layer)!.Problem!);
        var (full, kept) = BothSearches(problem, arch, Dataflows.Get(arch.Dataflows[0]), Objective.Energy);
        Assert.NotNull(full);
        Assert.NotNull(kept);
        Assert.True(SameResult(full, kept), $"{Describe(full)} vs reduced {Describe(kept)}");
    }

    /// <summary>The reduction does act where a shipped fan-out is symmetric (simba's 4x4 PEs, eyeriss-isca2016's 16x16).</summary>
    [Theory]
    [InlineData("simba", "weight-stationary")]
    [InlineData("eyeriss-isca2016", "weight-stationary")]
    public void SymmetricShippedFanoutsHalveTheUnrollings(string archName, string dataflow)
    {
        var arch = ArchitectureLibrary.Load(archName);
        var problem = new ProblemShape(1, 1, 32, 32, 4, 4, 3, 3);
        var (full, kept) = BothSearches(problem, arch, Dataflows.Get(dataflow), Objective.Energy);
        Assert.True(SameResult(full!, kept!));
        Assert.InRange(kept!.Stats.SpatialSearched, full!.Stats.SpatialSearched / 2, full.Stats.SpatialSearched * 3 / 4);
        // The statistics say how many twins were not walked: every unrolling is either searched or a twin.
        Assert.Equal(0, full.Stats.MirrorTwins);
        Assert.Equal(full.Stats.SpatialSearched - kept.Stats.SpatialSearched, kept.Stats.MirrorTwins);
    }

    /// <summary>
    /// A wrong reduction shows: mirroring every fan-out, also those whose axes differ (random per-axis networks), drops an
    /// unrolling whose twin costs more, and some random case then finds a worse optimum than the full search.
    /// </summary>
    [Fact]
    public void MirroringAnAsymmetricFanoutLosesTheOptimum()
    {
        int worse = 0;
        for (int seed = 0; seed < 40 && worse == 0; seed++)
        {
            var c = RandomCase.FromSeed(seed, perAxis: true);
            var arch = Squared(c.Arch);
            var flow = Dataflows.Get("ws");
            var options = new MapperOptions().Sound();
            try
            {
                var full = Mapper.Search(c.Problem, arch, flow, options with { MirrorSymmetric = null });
                var wrong = Mapper.Search(c.Problem, arch, flow, options with { MirrorSymmetric = (a, level) => a.Levels[level].Fanout is { X: > 1 } f && f.X == f.Y });
                if (wrong.Evaluation.TotalEnergy > full.Evaluation.TotalEnergy) worse++;
            }
            catch (MappingException) { }
        }
        Assert.True(worse > 0, "mirroring asymmetric fan-outs never lost the optimum: the tests could not catch a wrong reduction");
    }

    private static (MapperResult? Full, MapperResult? Kept) BothSearches(ProblemShape problem, Accelerator arch, Dataflow flow, Objective objective)
    {
        var options = new MapperOptions { Objective = objective }.Sound();
        try
        {
            var full = Mapper.Search(problem, arch, flow, options with { MirrorSymmetric = null });
            return (full, Mapper.Search(problem, arch, flow, options));
        }
        catch (MappingException) { return (null, null); }
    }

    // The same mapping (factors, orders, keeps of every level), hence the same figures.
    private static bool SameResult(MapperResult a, MapperResult b) =>
        a.Evaluation.TotalEnergy == b.Evaluation.TotalEnergy && a.Evaluation.Cycles == b.Evaluation.Cycles
        && a.Mapping.Levels.Zip(b.Mapping.Levels).All(p => Key(p.First) == Key(p.Second));

    private static string Key(LevelMapping l) =>
        $"{string.Join(",", l.Temporal)}|{string.Join(",", l.Order)}|{string.Join(",", l.SpatialX)}|{string.Join(",", l.SpatialY)}|{l.Keeps}";

    private static string Describe(MapperResult r) =>
        $"{r.Evaluation.TotalEnergy} pJ, {r.Evaluation.Cycles} cycles, {string.Join(" ; ", r.Mapping.Levels.Select(Key))}";

    private static bool Same(Evaluation a, Evaluation b)
    {
        for (int i = 0; i < a.Arch.Levels.Count; i++)
        {
            for (int t = 0; t < Tensors.Count; t++) if (a.StorageEnergy[i, t] != b.StorageEnergy[i, t]) return false;
            if (a.NetworkEnergy[i] != b.NetworkEnergy[i] || a.BandwidthCycles[i] != b.BandwidthCycles[i]) return false;
        }
        return a.TotalEnergy == b.TotalEnergy && a.ComputeCycles == b.ComputeCycles && a.PipelineCycles == b.PipelineCycles && a.Cycles == b.Cycles;
    }

    // The mapping with X and Y swapped at one level.
    private static LoopMapping Mirrored(LoopMapping m, int level) => new(m.Levels.Select((l, i) => i != level ? l
        : new LevelMapping(l.Temporal.ToArray(), l.Order.ToArray(), l.SpatialY.ToArray(), l.SpatialX.ToArray(), l.Keeps)).ToList());

    // Every fan-out but lanes of one row made square (the larger side on both axes), with its X network on both axes,
    // reducing where either axis did (so that the drawn mapping stays valid).
    private static Accelerator Symmetrized(Accelerator arch) => arch with
    {
        Levels = arch.Levels.Select(l => l.Fanout is { } f && f.Y > 1 ? l with { Fanout = f with
        {
            X = Math.Max(f.X, f.Y), Y = Math.Max(f.X, f.Y),
            Network = f.Network with { X = Alike(f.Network), Y = Alike(f.Network) },
        } } : l).ToList(),
    };

    private static AxisNetwork Alike(NetworkSpec n) => n.X with { Reduction = n.X.Reduction || n.Y.Reduces };

    // Every fan-out square, its per-axis networks left as drawn (mostly different).
    private static Accelerator Squared(Accelerator arch) => arch with
    {
        Levels = arch.Levels.Select(l => l.Fanout is { } f && f.Y > 1 ? l with { Fanout = f with { X = Math.Max(f.X, f.Y), Y = Math.Max(f.X, f.Y) } } : l).ToList(),
    };

    // A layer cut to at most 16 per dim (8 tokens or images, 8x8 outputs, a 3x3 window), so that the two sound searches stay fast.
    private static ProblemShape Shrunk(ProblemShape p) => new(Math.Min(p.N, 8), Math.Min(p.G, 4), Math.Min(p.M, 16), Math.Min(p.C, 16),
        Math.Min(p.P, 8), Math.Min(p.Q, 8), Math.Min(p.R, 3), Math.Min(p.S, 3), p.StrideH, p.StrideW, p.DilationH, p.DilationW);
}
