using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Mapping.Timeloop;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Tests.Mapping;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Interop;

/// <summary>AccelSim mappings written in Timeloop's mapping format and read back (issue: Timeloop interoperability).</summary>
public class TimeloopMappingTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "eyeriss", "rs" }, { "eyeriss", "ws" }, { "simba", "ws" }, { "tpu-v1", "ws" }, { "systolic-32x32", "os" }, { "shidiannao", "os" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnExportedMappingReadsBackIdentical(string archName, string dataflow)
    {
        var arch = ArchitectureLibrary.Load(archName);
        var problem = MapperInvariantTests.AlexNetConv3;
        var found = Mapper.Search(problem, arch, Dataflows.Get(dataflow), new MapperOptions { SpatialCandidates = 4 });
        // One dim unrolled along both axes of a level has no Timeloop form: the export must say so, not approximate.
        var split = found.Mapping.Levels.Select((l, i) => (Level: arch.Levels[i].Name, Dims: Dims.All.Where(d => l.SpatialX[(int)d] > 1 && l.SpatialY[(int)d] > 1).ToList()))
            .FirstOrDefault(s => s.Dims.Count > 0);
        if (split.Dims is { Count: > 0 })
        {
            var e = Assert.Throws<AccelSim.Common.InputException>(() => TimeloopMappingYaml.Write(arch, found.Mapping));
            Assert.Contains($"level {split.Level}: dim {split.Dims[0]} is unrolled along both X and Y", e.Message);
            return;
        }
        string timeloop = TimeloopMappingYaml.Write(arch, found.Mapping);
        Assert.True(TimeloopMappingYaml.Recognizes(timeloop));
        var back = TimeloopMappingYaml.Parse(timeloop, "exported.yaml", arch);
        Assert.Equal(MappingYaml.Write(arch, found.Mapping), MappingYaml.Write(arch, back));
        Assert.Equal(found.Evaluation.TotalEnergy, AnalyticalModel.Evaluate(problem, arch, back).TotalEnergy);
    }

    [Fact]
    public void TheExportSpeaksTimeloopsDims()
    {
        // A hand-made mapping: AccelSim P (height) 13 and S 3 at DRAM; Timeloop calls them Q and R.
        var arch = ArchitectureLibrary.Load("eyeriss");
        int[] F(params (Dim, int)[] f) { var a = LevelMapping.Ones(); foreach (var (d, n) in f) a[(int)d] = n; return a; }
        Dim[] order = [Dim.P, Dim.S, Dim.N, Dim.G, Dim.M, Dim.C, Dim.Q, Dim.R];
        var mapping = new LoopMapping([
            LevelMapping.TemporalOnly(F((Dim.P, 13), (Dim.S, 3)), order, TensorSet.All),
            new LevelMapping(LevelMapping.Ones(), order, F((Dim.Q, 13)), F((Dim.R, 3)), TensorSet.Inputs | TensorSet.Outputs),
            LevelMapping.TemporalOnly(LevelMapping.Ones(), order, TensorSet.All),
        ]);
        string text = TimeloopMappingYaml.Write(arch, mapping);
        Assert.Contains("factors: C=1 M=1 R=3 S=1 N=1 P=1 Q=13", text);            // DRAM: AccelSim S3 P13 = Timeloop R3 Q13
        Assert.Contains("permutation: SPCMNRQ", text);                             // innermost first: AccelSim R, Q, C, M, N, S, P
        Assert.Contains("factors: C=1 M=1 R=1 S=3 N=1 P=13 Q=1\n    permutation: PSNMCQR\n    split: 1", text); // X: Timeloop P13, Y: S3
        Assert.Contains("keep: [Inputs, Outputs]\n    bypass: [Weights]", text);
    }

    [Fact]
    public void MapReadsATimeloopMappingAndWritesOne()
    {
        var dir = CliRunner.TempDir();
        string timeloopFile = Path.Combine(dir, "conv3.timeloop.yaml");
        // Eyeriss' row-stationary mapping relies on diagonal multicast: it is exported with Timeloop's counting (TimeloopExportCheckTests).
        // conv2_1: since an axis may hold three dims, conv3_1's mapping puts M on both X and Y, which Timeloop's format cannot say.
        var (exit, first, error) = CliRunner.Run("map", "--model", "vgg16", "--layer", "conv2_1", "--arch", "eyeriss", "--counting", "timeloop", "--save-timeloop", timeloopFile);
        Assert.True(exit == 0, error);
        Assert.Contains("mapping:", File.ReadAllText(timeloopFile));
        (exit, var second, error) = CliRunner.Run("map", "--model", "vgg16", "--layer", "conv2_1", "--arch", "eyeriss", "--counting", "timeloop", "--mapping", timeloopFile);
        Assert.True(exit == 0, error);
        string Energy(string output) => output.Split('\n').Single(l => l.StartsWith("MACs ", StringComparison.Ordinal));
        Assert.Equal(Energy(first), Energy(second));
    }

    [Fact]
    public void AGroupedMappingHasNoTimeloopFormAndNothingIsWritten()
    {
        var dir = CliRunner.TempDir();
        string json = Path.Combine(dir, "conv2.json"), timeloopFile = Path.Combine(dir, "conv2.timeloop.yaml");
        var (exit, _, error) = CliRunner.Run("map", "--model", "alexnet", "--layer", "conv2", "--arch", "eyeriss", "--json", json, "--save-timeloop", timeloopFile);
        Assert.Equal(2, exit);
        Assert.Contains($"{timeloopFile}: level ", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Contains("dim G (groups) has no Timeloop conv2D form", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(File.Exists(json));
        Assert.False(File.Exists(timeloopFile));
    }

    [Theory]
    [InlineData("mapping:\n  - target: GLB\n    type: temporal\n    factors: C=2\n", "mapping[0].target: 'GLB' is not a level of 'eyeriss'")]
    [InlineData("mapping:\n  - target: DRAM\n    type: temporal\n    factors: K=2\n", "mapping[0].factors: 'K=2': 'K' is not a conv2D dim")]
    [InlineData("mapping:\n  - target: DRAM\n    type: temporal\n    factors: C=0\n", "mapping[0].factors: 'C=0': the factor must be a positive integer")]
    [InlineData("mapping:\n  - target: DRAM\n    type: temporal\n    permutation: CC\n", "mapping[0].permutation: 'C' appears twice")]
    [InlineData("mapping:\n  - target: Spad\n    type: spatial\n    factors: C=2\n", "mapping[0]: level Spad has no spatial fan-out below it")]
    [InlineData("mapping:\n  - target: DRAM\n    type: weird\n", "mapping[0].type: 'weird'")]
    public void BadTimeloopMappingsGetOneLine(string text, string expected)
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var e = Assert.Throws<AccelSim.Common.InputException>(() => TimeloopMappingYaml.Parse(text, "m.yaml", arch));
        Assert.StartsWith("m.yaml: ", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
