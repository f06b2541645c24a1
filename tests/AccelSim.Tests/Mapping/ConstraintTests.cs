using AccelSim.Architecture;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// Constraints as data (issue #14): the mapper's results satisfy every constraint of their dataflow and architecture at
/// every level (Mapper.Search also checks its own result with the validator, so every search in the suite is a check),
/// no-local-reuse keeps nothing in any PE level, the TPU reduces along one axis and keeps what it must, and Timeloop's
/// eyeriss_like constraints hold on AlexNet CONV2 one by one.
/// </summary>
public class ConstraintTests
{
    private static readonly MapperOptions Quick = new() { SpatialCandidates = 4 };

    [Theory]
    [InlineData("eyeriss")]
    [InlineData("simba")]
    [InlineData("eyeriss-like")]
    public void NoLocalReuseKeepsNoOperandInAnyPeLevel(string archName)
    {
        var arch = ArchitectureLibrary.Load(archName);
        var roles = LevelRoles.Of(arch);
        var peLevels = Enumerable.Range(0, arch.Levels.Count).Where(i => roles[i] == LevelRole.Pe).ToList();
        Assert.NotEmpty(peLevels);
        if (archName == "eyeriss-like") Assert.Equal(3, peLevels.Count);
        var result = Mapper.Search(MapperInvariantTests.AlexNetConv2, arch, Dataflows.NoLocalReuse, Quick);
        foreach (int i in peLevels)
        {
            Assert.Equal(TensorSet.None, result.Mapping.Levels[i].Keeps);
            Assert.All(Dims.All, d => Assert.Equal(1, result.Mapping.Levels[i].TemporalOf(d)));
        }
        Assert.Empty(MappingValidator.Check(MapperInvariantTests.AlexNetConv2, arch, result.Mapping, Dataflows.NoLocalReuse));
    }

    public static TheoryData<string> ShippedArchs() => [.. ArchitectureLibrary.Names];

    // Every search checks its result against its dataflow's and the architecture's constraints (Mapper.Search), so this
    // covers every shipped architecture under every dataflow it lists, on a dense and a depthwise layer.
    [Theory]
    [MemberData(nameof(ShippedArchs))]
    public void EveryShippedArchitectureMapsUnderEachOfItsDataflows(string archName)
    {
        var arch = ArchitectureLibrary.Load(archName);
        Assert.NotEmpty(arch.Dataflows);
        foreach (var name in arch.Dataflows)
            foreach (var problem in new[] { MapperInvariantTests.AlexNetConv3, MapperInvariantTests.Depthwise })
            {
                var flow = Dataflows.Get(name);
                var result = Mapper.Search(problem, arch, flow, Quick);
                Assert.Empty(MappingValidator.Check(problem, arch, result.Mapping, flow));
            }
    }

    // DRAM -> global buffer -> 2x2 clusters -> cluster buffer -> 4x4 PEs -> register file: the outermost fan-out is the
    // clusters, so without a mark the cluster buffer counts as a PE level; `role: pe` on the register file says otherwise.
    private const string Clustered = """
        name: clustered
        energy_table: horowitz-45nm
        dataflows: [nlr]
        levels:
          - {name: DRAM, class: dram}
          - {name: GLB, class: sram, capacity: 64KB, fanout: {x: 2, y: 2, network: {multicast: [weights, inputs], reduction: true}}}
          - {name: ClusterBuf, class: sram, capacity: 8KB, fanout: {x: 4, y: 4, network: {multicast: [weights, inputs], reduction: true}}}
          - {name: RF, class: regfile, capacity: 64, ROLE}
        mac: {bits: 16}
        """;

    [Fact]
    public void RolePeMarksThePeLevelsWhereTheStructureDoesNotSay()
    {
        var unmarked = ArchitectureYaml.Parse(Clustered.Replace(", ROLE", ""), "clustered.yaml");
        var marked = ArchitectureYaml.Parse(Clustered.Replace("ROLE", "role: pe"), "clustered.yaml");
        Assert.Equal(2, LevelRoles.Of(unmarked).FirstPeLevel);
        var roles = LevelRoles.Of(marked);
        Assert.Equal(3, roles.FirstPeLevel);
        Assert.Equal(2, roles.ArrayLevel);
        Assert.Equal(LevelRole.Buffer, roles[2]);
        var result = Mapper.Search(MapperInvariantTests.AlexNetConv3, marked, Dataflows.NoLocalReuse, Quick);
        Assert.Equal(TensorSet.None, result.Mapping.Levels[3].Keeps);
        Assert.Equal(TensorSet.All, result.Mapping.Levels[2].Keeps); // a buffer keeps its must-keeps
        var e = Assert.Throws<InputException>(() => ArchitectureYaml.Parse(Clustered.Replace("ROLE", "role: core"), "clustered.yaml"));
        Assert.Equal("clustered.yaml: levels[3].role: expected pe (marks the first storage level inside a PE), got 'core'", e.Message);
    }

    [Fact]
    public void SimbaPeBuffersAreThePeLevelSoWeightAndOutputStationaryDiffer()
    {
        var arch = ArchitectureLibrary.Load("simba");
        var roles = LevelRoles.Of(arch);
        int pe = arch.IndexOf("PEBuffers");
        Assert.Equal(pe, roles.FirstPeLevel);
        Assert.True(roles.IsLanes(pe));
        var ws = Mapper.Search(MapperInvariantTests.AlexNetConv3, arch, Dataflows.WeightStationary, Quick);
        var os = Mapper.Search(MapperInvariantTests.AlexNetConv3, arch, Dataflows.OutputStationary, Quick);
        Assert.Equal(TensorSet.Weights, ws.Mapping.Levels[pe].Keeps);
        Assert.Equal(TensorSet.Outputs, os.Mapping.Levels[pe].Keeps);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TpuReducesAlongOneAxisOnlyAndKeepsWhatItsBuffersMustKeep(bool searchBypass)
    {
        var arch = ArchitectureLibrary.Load("tpu-v1");
        var res3b = new ProblemShape(1, 1, 128, 128, 28, 28, 3, 3); // ResNet-50 res3b_branch2b
        var result = Mapper.Search(res3b, arch, Dataflows.WeightStationary, Quick with { SearchBypass = searchBypass });
        int array = arch.IndexOf("Accumulators");
        var network = arch.Levels[array].Fanout!.Network;
        Assert.False(network.Reduces(y: false));
        Assert.True(network.Reduces(y: true));
        foreach (var d in new[] { Dim.C, Dim.R, Dim.S })
            Assert.Equal(1, result.Mapping.Levels[array].SpatialX[(int)d]);
        Assert.True(result.Mapping.Levels[array].SpatialY[(int)Dim.C] > 1);
        Assert.Equal(TensorSet.Inputs | TensorSet.Outputs, result.Mapping.Levels[arch.IndexOf("UnifiedBuffer")].Keeps);
        Assert.Equal(TensorSet.Weights, result.Mapping.Levels[arch.IndexOf("WeightFIFO")].Keeps);
        Assert.Equal(TensorSet.Outputs, result.Mapping.Levels[array].Keeps);
        // Spatial utilization: 128 M across X, 64 C x 3 R... at most 37.5 % once C, R and S must share Y's 256 rows.
        Assert.True(result.Evaluation.SpatialUtilization <= 0.375 + 1e-9, $"{result.Evaluation.SpatialUtilization}");
    }

    [Fact]
    public void TimeloopEyerissLikeConstraintsHoldOnAlexNetConv2()
    {
        var arch = ArchitectureLibrary.Load("eyeriss-like");
        var problem = MapperInvariantTests.AlexNetConv2;
        var result = Mapper.Search(problem, arch, Dataflows.RowStationaryTimeloop, Quick);
        var m = result.Mapping;
        int glb = arch.IndexOf("shared_glb"), ifmap = arch.IndexOf("ifmap_spad"), weights = arch.IndexOf("weights_spad"), psum = arch.IndexOf("psum_spad");

        // shared_glb: keep Inputs, Outputs; bypass Weights.
        Assert.Equal(TensorSet.Inputs | TensorSet.Outputs, m.Levels[glb].Keeps);
        // PE_column (meshX): Timeloop N=C=P=R=S=1, so only its Q (our P) and M across X.
        Assert.All(Dims.All.Where(d => m.Levels[glb].SpatialX[(int)d] > 1), d => Assert.Contains(d, new[] { Dim.P, Dim.M }));
        // PE (meshY): Timeloop N=P=Q=R=1, so only its S (our R), C and M down Y.
        Assert.All(Dims.All.Where(d => m.Levels[glb].SpatialY[(int)d] > 1), d => Assert.Contains(d, new[] { Dim.R, Dim.C, Dim.M }));
        // ifmap_spad: keep Inputs, every factor 1.
        Assert.Equal(TensorSet.Inputs, m.Levels[ifmap].Keeps);
        Assert.All(Dims.All, d => Assert.Equal(1, m.Levels[ifmap].TemporalOf(d)));
        // weights_spad: keep Weights; N=M=P=Q=S=1 (Timeloop dims), so only C and our S loop, S outside C.
        Assert.Equal(TensorSet.Weights, m.Levels[weights].Keeps);
        Assert.All(Dims.All.Where(d => m.Levels[weights].TemporalOf(d) > 1), d => Assert.Contains(d, new[] { Dim.C, Dim.S }));
        var order = m.Levels[weights].Order.Where(d => m.Levels[weights].TemporalOf(d) > 1).ToList();
        if (order.Count == 2) Assert.Equal([Dim.S, Dim.C], order);
        // psum_spad: keep Outputs; only M loops.
        Assert.Equal(TensorSet.Outputs, m.Levels[psum].Keeps);
        Assert.All(Dims.All.Where(d => m.Levels[psum].TemporalOf(d) > 1), d => Assert.Equal(Dim.M, d));
        Assert.Empty(MappingValidator.Check(problem, arch, m, Dataflows.RowStationaryTimeloop));
    }

    [Fact]
    public void TheCheckerCatchesEveryKindOfBrokenConstraint()
    {
        var arch = ArchitectureLibrary.Load("eyeriss-like");
        var problem = MapperInvariantTests.AlexNetConv2;
        var flow = Dataflows.RowStationaryTimeloop;
        var good = Mapper.Search(problem, arch, flow, Quick).Mapping;
        int glb = arch.IndexOf("shared_glb"), weights = arch.IndexOf("weights_spad"), psum = arch.IndexOf("psum_spad");

        IReadOnlyList<string> Broken(int level, Func<LevelMapping, LevelMapping> change)
        {
            var levels = good.Levels.ToArray();
            levels[level] = change(levels[level]);
            return MappingValidator.Check(problem, arch, new LoopMapping(levels), flow);
        }
        static int[] With(IReadOnlyList<int> factors, Dim d, int value) { var f = factors.ToArray(); f[(int)d] = value; return f; }

        // A loop moved from the DRAM level into psum_spad, where only M may loop.
        var dram = good.Levels[0];
        var movedDim = Dims.All.First(d => d != Dim.M && dram.TemporalOf(d) > 1);
        var levels = good.Levels.ToArray();
        levels[0] = new LevelMapping(With(dram.Temporal, movedDim, 1), [.. dram.Order], [.. dram.SpatialX], [.. dram.SpatialY], dram.Keeps);
        var p = levels[psum];
        levels[psum] = new LevelMapping(With(p.Temporal, movedDim, p.TemporalOf(movedDim) * dram.TemporalOf(movedDim)), [.. p.Order], [.. p.SpatialX], [.. p.SpatialY], p.Keeps);
        Assert.Contains(MappingValidator.Check(problem, arch, new LoopMapping(levels), flow), e => e.Contains($"level 'psum_spad': dim {movedDim} loops"));

        // weights_spad's order reversed (C outside S breaks permutation [S, C]) when both loop.
        var w = good.Levels[weights];
        Assert.True(w.TemporalOf(Dim.S) > 1 && w.TemporalOf(Dim.C) > 1, "the found mapping loops both S and C in weights_spad");
        Assert.Contains(Broken(weights, l => new LevelMapping([.. l.Temporal], [.. l.Order.Reverse()], [.. l.SpatialX], [.. l.SpatialY], l.Keeps)),
                e => e.Contains("breaks the permutation SC"));
        // shared_glb keeping weights (Timeloop's bypass), and not keeping inputs (its must-keep).
        Assert.Contains(Broken(glb, l => new LevelMapping([.. l.Temporal], [.. l.Order], [.. l.SpatialX], [.. l.SpatialY], TensorSet.All)),
            e => e.Contains("cannot hold weights") || e.Contains("must not keep weights"));
        Assert.Contains(Broken(glb, l => new LevelMapping([.. l.Temporal], [.. l.Order], [.. l.SpatialX], [.. l.SpatialY], TensorSet.Outputs)),
            e => e.Contains("must keep inputs"));
        // X unrolling a dim Timeloop fixes to 1 there (its P, our Q), swapped with the X factor of P.
        var g = good.Levels[glb];
        Assert.True(g.SpatialX[(int)Dim.P] > 1, "the found mapping unrolls P across X");
        var x = With(With(g.SpatialX, Dim.Q, g.SpatialX[(int)Dim.P]), Dim.P, 1);
        var swapped = good.Levels.ToArray();
        swapped[glb] = new LevelMapping([.. g.Temporal], [.. g.Order], x, [.. g.SpatialY], g.Keeps);
        Assert.Contains(MappingValidator.Check(problem, arch, new LoopMapping(swapped), flow), e => e.Contains("level 'shared_glb' X: unrolls Q, allowed only P, M"));
    }

    [Fact]
    public void TheValidatorRejectsAMappingThatBreaksItsDataflow()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var problem = MapperInvariantTests.AlexNetConv3;
        var rs = Mapper.Search(problem, arch, Dataflows.RowStationary, Quick);
        var broken = MappingValidator.Check(problem, arch, rs.Mapping, Dataflows.NoLocalReuse);
        Assert.Contains(broken, e => e.Contains("level 'Spad' must not keep weights, inputs, outputs"));
        Assert.Empty(MappingValidator.Check(problem, arch, rs.Mapping));
    }

    [Fact]
    public void ArchitectureConstraintsAndAConstraintsFileSteerTheMapper()
    {
        string constraints = Path.Combine(CliRunner.TempDir(), "c.yaml");
        File.WriteAllText(constraints, "constraints:\n  DRAM: {loops: [M, C]}\n  GlobalBuffer:\n    permutation: [C, P]\n    spatial: {x: {dims: [P], max_dims: 1}}\n  Spad:\n    factors: {C: 1}\n");
        var arch = ConstraintFile.Apply(ArchitectureLibrary.Load("eyeriss"), constraints);
        var result = Mapper.Search(MapperInvariantTests.AlexNetConv3, arch, Dataflows.RowStationary, Quick);
        var glb = result.Mapping.Levels[1];
        Assert.All(Dims.All.Where(d => glb.SpatialX[(int)d] > 1), d => Assert.Equal(Dim.P, d));
        Assert.Equal(1, result.Mapping.Levels[2].TemporalOf(Dim.C));
        Assert.All(Dims.All.Where(d => result.Mapping.Levels[0].TemporalOf(d) > 1), d => Assert.Contains(d, new[] { Dim.M, Dim.C }));
        var active = glb.Order.Where(d => glb.TemporalOf(d) > 1).ToList();
        var listed = active.Where(d => d is Dim.C or Dim.P).ToList();
        Assert.Equal(listed, active.Skip(active.Count - listed.Count));

        var run = CliRunner.Run("map", "--model", "alexnet", "--layer", "conv3", "--arch", "eyeriss", "--constraints", constraints);
        Assert.Equal(0, run.Exit);
        string missing = Path.Combine(CliRunner.TempDir(), "none.yaml");
        foreach (var command in new[] { "run", "sweep", "compare" })
        {
            string[] args = command switch
            {
                "run" => ["run", "--model", "alexnet", "--arch", "eyeriss", "--constraints", missing],
                "sweep" => ["sweep", "--model", "alexnet", "--arch", "eyeriss", "--set", "glb=64KB", "--constraints", missing],
                _ => ["compare", "--models", "alexnet", "--arch", "eyeriss", "--constraints", missing],
            };
            InputErrorAssert.Holds(CliRunner.Run([.. args, "--out", Path.Combine(CliRunner.TempDir(), "out")]), "none.yaml");
        }
    }

    [Theory]
    [InlineData("constraints:\n  Nowhere: {keep: [inputs]}\n", "constraints.Nowhere: no level named 'Nowhere'")]
    [InlineData("constraints:\n  Spad: {factorz: {C: 1}}\n", "constraints.Spad.factorz: unknown key")]
    [InlineData("constraints:\n  Spad: {factors: {Z: 1}}\n", "constraints.Spad.factors.Z: unknown dim 'Z'")]
    [InlineData("constraints:\n  Spad: {factors: {C: -1}}\n", "constraints.Spad.factors.C: expected a whole number >= 0")]
    [InlineData("constraints:\n  Spad: {factors: [C=x]}\n", "constraints.Spad.factors[0]: expected a whole number >= 0")]
    [InlineData("constraints:\n  Spad: {permutation: [C, C]}\n", "constraints.Spad.permutation: lists a dim twice")]
    [InlineData("constraints:\n  Spad: {keep: [weights], never_keep: [weights]}\n", "constraints.Spad.never_keep: weights is also in keep")]
    [InlineData("constraints:\n  GlobalBuffer: {keep: [weights]}\n", "constraints.GlobalBuffer: level 'GlobalBuffer' cannot hold weights")]
    [InlineData("constraints:\n  GlobalBuffer: {never_keep: [inputs]}\n", "never_keep inputs contradicts the level's keeps")]
    [InlineData("constraints:\n  GlobalBuffer: {spatial: {z: {dims: [M]}}}\n", "constraints.GlobalBuffer.spatial.z: unknown key")]
    public void BadConstraintFilesAreOneLine(string text, string expected) => BadFileIsOneLine("--constraints", text, expected);

    // `accelsim map` given a bad file for an option: one error line naming the field, exit 2.
    private static void BadFileIsOneLine(string option, string text, string expected)
    {
        string file = Path.Combine(CliRunner.TempDir(), "bad.yaml");
        File.WriteAllText(file, text);
        InputErrorAssert.Holds(CliRunner.Run("map", "--model", "alexnet", "--layer", "conv3", "--arch", "eyeriss", option, file), expected);
    }

    [Theory]
    [InlineData("name: x\nroles: {pe: {keep: [weights]}, array: {keep: [inputs]}}\n", "roles.array: a spatial role takes only spatial")]
    [InlineData("name: x\nroles: {pe: {spatial: {x: {dims: [M]}}}}\n", "roles.pe.spatial: give spatial constraints under the array or lanes role")]
    [InlineData("name: x\nroles: {core: {keep: [weights]}}\n", "roles.core: unknown role")]
    [InlineData("name: x\nroles: {pe: {loops: [M, W]}}\n", "roles.pe.loops[1]: unknown dim 'W'")]
    [InlineData("roles: {pe: {loops: [M]}}\n", "name: missing")]
    public void BadDataflowFilesAreOneLine(string text, string expected) => BadFileIsOneLine("--dataflow", text, expected);

    [Fact]
    public void AUserDataflowFileIsMappedUnderItsConstraints()
    {
        string file = Path.Combine(CliRunner.TempDir(), "mine.yaml");
        File.WriteAllText(file, "name: my-ws\ndescription: weights stay, only M across the array\nroles:\n  array:\n    spatial: {x: {dims: [M]}, y: {dims: [C]}}\n  pe:\n    loops: [P, Q]\n    keep: [weights]\n    never_keep: [inputs, outputs]\n");
        var flow = Dataflows.Get(file);
        var arch = ArchitectureLibrary.Load("eyeriss");
        var result = Mapper.Search(MapperInvariantTests.AlexNetConv3, arch, flow, Quick);
        Assert.Equal("my-ws", result.Dataflow);
        Assert.Equal(TensorSet.Weights, result.Mapping.Levels[2].Keeps);
        Assert.All(Dims.All.Where(d => result.Mapping.Levels[1].SpatialX[(int)d] > 1), d => Assert.Equal(Dim.M, d));
    }

    [Fact]
    public void ShippedDataflowsLoadByNameAndAlias()
    {
        foreach (var name in DataflowNames.Shipped) Assert.Equal(name, Dataflows.Get(name).Name);
        Assert.Equal(DataflowNames.WeightStationary, Dataflows.Get("ws").Name);
        Assert.Equal(DataflowNames.RowStationaryTimeloop, Dataflows.Get("row-stationary-timeloop").Name);
        Assert.Throws<InputException>(() => Dataflows.Get("diagonal-stationary"));
    }
}
