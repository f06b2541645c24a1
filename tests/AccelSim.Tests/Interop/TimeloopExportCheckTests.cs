using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Mapping.Timeloop;
using AccelSim.Model;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Interop;

/// <summary>
/// The export to Timeloop's mapping format refuses what Timeloop cannot express (issue: Timeloop interoperability):
/// imperfect factors, and diagonal multicast the counts rely on unless Timeloop's counting rules are in force.
/// </summary>
public class TimeloopExportCheckTests
{
    private static readonly Accelerator Eyeriss = ArchitectureLibrary.Load("eyeriss");
    private static readonly Dim[] Order = [Dim.N, Dim.G, Dim.M, Dim.C, Dim.P, Dim.Q, Dim.R, Dim.S];

    private static int[] F(params (Dim, int)[] f)
    {
        var a = LevelMapping.Ones();
        foreach (var (d, n) in f) a[(int)d] = n;
        return a;
    }

    // Eyeriss-style: the fan-out unrolls x along X and y along Y; the rest runs at DRAM, S in the spad.
    private static LoopMapping Unrolled(ProblemShape problem, Dim x, Dim y, int dramX = 1) => new([
        LevelMapping.TemporalOnly(F((Dim.M, problem.M), (Dim.C, problem.C), (x == Dim.Q || y == Dim.Q ? Dim.P : Dim.Q, x == Dim.Q || y == Dim.Q ? problem.P : problem.Q), (x, dramX)), Order, TensorSet.All),
        new LevelMapping(LevelMapping.Ones(), Order, F((x, problem[x] / dramX + (problem[x] % dramX == 0 ? 0 : 1))), F((y, problem[y])), TensorSet.Inputs | TensorSet.Outputs),
        LevelMapping.TemporalOnly(F((Dim.S, problem.S)), Order, TensorSet.All),
    ]);

    private static readonly ProblemShape Small = new(1, 1, 4, 4, 6, 6, 3, 3);

    [Fact]
    public void RowsAndFilterRowsOnTheTwoAxesRelyOnDiagonalMulticastAndAreRefused()
    {
        // PE (r, p) needs input row p + r: AccelSim's eyeriss network serves 8 distinct rows to the 18 PEs; Timeloop would read 18.
        var mapping = Unrolled(Small, Dim.P, Dim.R);
        var e = Assert.Throws<InputException>(() => TimeloopExportCheck.Check("t.yaml", Small, Eyeriss, mapping, CountingRules.AccelSim));
        Assert.StartsWith("t.yaml: level GlobalBuffer: the counts rely on diagonal multicast (inputs reads ", e.Message);
        Assert.Contains("pass --counting timeloop", e.Message);
        // The check is exact: the two evaluations it compares do differ here.
        var on = AnalyticalModel.Evaluate(Small, Eyeriss, mapping).Counts.Get(1, TensorKind.Inputs).Reads;
        var off = AnalyticalModel.Evaluate(Small, Eyeriss, mapping, CountingRules.AccelSim with { DiagonalMulticast = false }).Counts.Get(1, TensorKind.Inputs).Reads;
        Assert.True(off > on, $"{off} vs {on}");
        Assert.Contains($"with it, {off:N0} without", e.Message);
    }

    [Fact]
    public void UnderTimeloopCountingTheSameMappingIsExported()
    {
        var mapping = Unrolled(Small, Dim.P, Dim.R);
        TimeloopExportCheck.Check("t.yaml", Small, Eyeriss, mapping, CountingRules.Timeloop());
        var back = TimeloopMappingYaml.Parse(TimeloopMappingYaml.Write(Eyeriss, mapping), "t.yaml", Eyeriss);
        Assert.Equal(MappingYaml.Write(Eyeriss, mapping), MappingYaml.Write(Eyeriss, back));
    }

    [Fact]
    public void SlidingDimsAlongDifferentDirectionsDoNotRelyOnIt()
    {
        // Q (columns) on X and R (rows) on Y: no two windows start on the same row by different dims; accepted under AccelSim's rules.
        TimeloopExportCheck.Check("t.yaml", Small, Eyeriss, Unrolled(Small, Dim.Q, Dim.R), CountingRules.AccelSim);
    }

    [Fact]
    public void ImperfectFactorsAreRefusedEvenUnderTimeloopCounting()
    {
        // P = 13 as 4 PEs × 4 DRAM steps: the last step holds one row. Timeloop's factors divide their bounds.
        var problem = new ProblemShape(1, 1, 4, 4, 13, 6, 3, 3);
        var mapping = Unrolled(problem, Dim.P, Dim.R, dramX: 4);
        Assert.False(FactorCoverage.IsPerfect(problem, mapping));
        foreach (var rules in new[] { CountingRules.AccelSim, CountingRules.Timeloop() })
        {
            var e = Assert.Throws<InputException>(() => TimeloopExportCheck.Check("t.yaml", problem, Eyeriss, mapping, rules));
            Assert.Equal("t.yaml: dim P (Timeloop Q): spatial x factor 4 at level GlobalBuffer does not divide 13, what is left of its bound 13; imperfect factors have no Timeloop form", e.Message);
        }
    }

    [Fact]
    public void MapRefusesTheDiagonalExportInOneLineAndWritesNothingButAcceptsItUnderTimeloopCounting()
    {
        var dir = CliRunner.TempDir();
        string json = Path.Combine(dir, "m.json"), file = Path.Combine(dir, "m.timeloop.yaml");
        string[] args = ["map", "--model", "vgg16", "--layer", "conv2_1", "--arch", "eyeriss", "--json", json, "--save-timeloop", file];
        var (exit, _, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: {file}: level GlobalBuffer: the counts rely on diagonal multicast", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(File.Exists(json));
        Assert.False(File.Exists(file));
        (exit, _, error) = CliRunner.Run([.. args, "--counting", "timeloop"]);
        Assert.True(exit == 0, error);
        Assert.StartsWith("mapping:", File.ReadAllText(file));
    }
}
