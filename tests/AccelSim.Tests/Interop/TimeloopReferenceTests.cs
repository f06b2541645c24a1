using AccelSim.Architecture;
using AccelSim.Architecture.Timeloop;
using AccelSim.Mapping;
using AccelSim.Mapping.Timeloop;
using AccelSim.Model;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using AccelSim.Workloads.Timeloop;

namespace AccelSim.Tests.Interop;

/// <summary>
/// Timeloop's own inputs (flattened specification, ERT, mapping) from timeloop-accelergy-exercises, evaluated with Timeloop's
/// counting rules, against the statistics Timeloop wrote for them (Interop/TimeloopReference/README.md): every per-level
/// per-tensor count, MACs, cycles and utilization exactly; energy per level and in total within 0.01%, except at a level
/// whose instances Timeloop groups in clusters (simba_like's PEWeightRegs, cluster_size 64): Timeloop prices one wide
/// access per utilized cluster, AccelSim one access per instance (docs/timeloop.md), so that level is left out of the
/// energy comparison and of the total.
/// </summary>
public class TimeloopReferenceTests
{
    public static TheoryData<string> Designs() => new() { "eyeriss_like", "vgg02_layer5", "simple_weight_stationary", "simple_output_stationary", "simba_like" };

    internal sealed record Design(Accelerator Arch, ProblemShape Problem, LoopMapping Mapping, TimeloopStats Stats);

    internal static string Folder(string design)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "AccelSim.Tests", "Interop", "TimeloopReference", design);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"TimeloopReference/{design} not found above {AppContext.BaseDirectory}");
    }

    internal static Design Load(string design)
    {
        string folder = Folder(design);
        string spec = Path.Combine(folder, "parsed-processed-input.yaml");
        var arch = TimeloopArchitecture.Load(spec, Path.Combine(folder, "timeloop-mapper.ERT.yaml"));
        var problem = TimeloopProblem.Load(spec).Layers.Single(l => l.HasMacs).Problem!;
        string mapFile = Path.Combine(folder, "timeloop-mapper.map.yaml");
        var mapping = TimeloopMappingYaml.Parse(File.ReadAllText(mapFile), mapFile, arch);
        return new Design(arch, problem, mapping, TimeloopStats.Read(Path.Combine(folder, "timeloop-mapper.stats.txt")));
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void EveryCountOfTheReferenceStatsIsReproduced(string design)
    {
        var d = Load(design);
        Assert.True(d.Stats.Tensors.Count >= 6, $"the stats list {d.Stats.Tensors.Count} level/tensor entries");
        var eval = AnalyticalModel.Evaluate(d.Problem, d.Arch, d.Mapping, CountingRules.Timeloop(TimeloopHalo.Pre297));
        var differences = Differences(d, eval);
        Assert.Empty(differences);
        Assert.Equal(d.Stats.Computes, eval.Counts.Macs);
        Assert.Equal(d.Stats.Cycles, eval.Cycles);
        Assert.Equal(d.Stats.UtilizationPercent, Math.Round(eval.Utilization * 100, 2));
    }

    // Every per-level per-tensor count that differs from Timeloop's (totals: per-instance figures times utilized instances).
    private static List<string> Differences(Design d, Evaluation eval)
    {
        var differences = new List<string>();
        foreach (var ((levelName, tensorName), expected) in d.Stats.Tensors)
        {
            int level = d.Arch.IndexOf(levelName);
            Assert.True(level >= 0, $"{levelName} is not a level");
            Assert.True(Tensors.TryParse(tensorName, out var tensor));
            var c = eval.Counts.Get(level, tensor);
            long instances = expected.Instances;
            void Compare(string what, long timeloopPerInstance, long ours)
            {
                if (checked(timeloopPerInstance * instances) != ours)
                    differences.Add($"{levelName} {tensorName} {what}: Timeloop {timeloopPerInstance} x {instances} = {timeloopPerInstance * instances}, AccelSim {ours}");
            }
            Compare("reads", expected.Reads, c.Reads);
            Compare("fills", expected.Fills, c.Fills);
            Compare("updates", expected.Updates, c.Updates);
        }
        // Levels and tensors Timeloop does not list (bypassed) must see no traffic.
        for (int i = 0; i < d.Arch.Levels.Count; i++)
            foreach (var t in Tensors.All)
                if (!d.Stats.Tensors.ContainsKey((d.Arch.Levels[i].Name, t.ToString())) && eval.Counts.Get(i, t).Total != 0)
                    differences.Add($"{d.Arch.Levels[i].Name} {t}: Timeloop lists nothing, AccelSim counts {eval.Counts.Get(i, t)}");
        return differences;
    }

    [Theory]
    [InlineData("eyeriss_like", 156_600)]
    [InlineData("vgg02_layer5", 475_136)]
    public void TheHeadHaloKeepsTheOverlapAcrossAnInnerIrrelevantLoop(string design, long dramInputReads)
    {
        var d = Load(design);
        var head = AnalyticalModel.Evaluate(d.Problem, d.Arch, d.Mapping, CountingRules.Timeloop(TimeloopHalo.Head));
        Assert.Equal(dramInputReads, head.Counts.Get(0, TensorKind.Inputs).Reads);
        // Only the halo differs from the pre-#297 counts: the DRAM reads and the buffer fills they feed.
        var pre = AnalyticalModel.Evaluate(d.Problem, d.Arch, d.Mapping, CountingRules.Timeloop(TimeloopHalo.Pre297));
        Assert.Equal(d.Stats.Tensors[("DRAM", "Inputs")].Reads, pre.Counts.Get(0, TensorKind.Inputs).Reads);
        Assert.Equal(head.Counts.Get(0, TensorKind.Inputs).Reads, head.Counts.Get(1, TensorKind.Inputs).Fills);
    }

    [Theory]
    [InlineData("eyeriss_like", new[] { "psum_spad Outputs reads", "shared_glb Inputs reads", "shared_glb Inputs fills", "shared_glb Outputs reads", "DRAM Inputs reads" })]
    [InlineData("vgg02_layer5", new[] { "psum_spad Outputs reads", "psum_spad Outputs fills", "shared_glb Outputs reads", "shared_glb Inputs fills", "DRAM Inputs reads" })]
    public void AccelSimsOwnRulesDifferWhereTheRuleSetsDiffer(string design, string[] differing)
    {
        var d = Load(design);
        var own = AnalyticalModel.Evaluate(d.Problem, d.Arch, d.Mapping);
        var differences = Differences(d, own);
        foreach (var expected in differing) Assert.Contains(differences, x => x.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void EnergyPerLevelAndInTotalIsWithinAHundredthOfAPercent(string design)
    {
        var d = Load(design);
        Assert.Contains("Total", d.Stats.FemtojoulesPerCompute.Keys);
        var eval = AnalyticalModel.Evaluate(d.Problem, d.Arch, d.Mapping, CountingRules.Timeloop(TimeloopHalo.Pre297));
        // Per tensor: Timeloop prints each data space's energy to 0.01 pJ.
        foreach (var ((levelName, tensorName), expected) in d.Stats.Tensors)
        {
            if (d.Stats.ClusteredLevels.Contains(levelName)) continue;
            Assert.True(Tensors.TryParse(tensorName, out var tensor));
            double ours = eval.StorageEnergy[d.Arch.IndexOf(levelName), (int)tensor];
            Assert.True(Math.Abs(ours - expected.Energy) <= 1e-4 * expected.Energy + 0.01, $"{levelName} {tensorName}: Timeloop {expected.Energy} pJ, AccelSim {ours} pJ");
        }
        // Per level with leakage, and the total: Timeloop prints fJ per compute to 0.01 fJ (a relative 1e-4 or better here).
        double computes = d.Stats.Computes;
        double clusteredFj = d.Stats.ClusteredLevels.Sum(l => d.Stats.FemtojoulesPerCompute[l]);
        double clusteredOurs = d.Stats.ClusteredLevels.Sum(l => eval.LevelEnergy(d.Arch.IndexOf(l)));
        foreach (var (name, total) in d.Stats.FemtojoulesPerCompute)
        {
            if (d.Stats.ClusteredLevels.Contains(name)) continue;
            double fj = name == "Total" ? total - clusteredFj : total;
            double ours = name == "Total" ? eval.TotalEnergy - clusteredOurs : name == "mac" ? eval.MacEnergy : eval.LevelEnergy(d.Arch.IndexOf(name));
            double oursFj = ours * 1000 / computes;
            Assert.True(Math.Abs(oursFj - fj) <= Math.Max(1e-4 * fj, 0.005), $"{name}: Timeloop {fj} fJ/compute, AccelSim {oursFj:F4}");
        }
    }
}
