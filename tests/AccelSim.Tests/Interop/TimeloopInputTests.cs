using AccelSim.Architecture;
using AccelSim.Architecture.Timeloop;
using AccelSim.Energy;
using AccelSim.Mapping;
using AccelSim.Mapping.Timeloop;
using AccelSim.Tests.Support;

namespace AccelSim.Tests.Interop;

/// <summary>
/// Timeloop's inputs through the command line: `map` with a flattened specification as --arch and --model, its ERT and its
/// mapping, under both counting rule sets; every bad Timeloop input is one error line naming the file and the field.
/// </summary>
public class TimeloopInputTests
{
    private static readonly string Eyeriss = TimeloopReferenceTests.Folder("eyeriss_like");
    private static string Spec => Path.Combine(Eyeriss, "parsed-processed-input.yaml");
    private static string Ert => Path.Combine(Eyeriss, "timeloop-mapper.ERT.yaml");
    private static string Map => Path.Combine(Eyeriss, "timeloop-mapper.map.yaml");

    private static (int Exit, string Out, string Err) RunMap(string spec, string ert, string map, params string[] extra) =>
        CliRunner.Run([.. new[] { "map", "--model", spec, "--layer", Path.GetFileNameWithoutExtension(spec), "--arch", spec, "--ert", ert, "--mapping", map }, .. extra]);

    [Fact]
    public void MapReproducesTimeloopsStatsWithTheCompatibleRules()
    {
        var pre = RunMap(Spec, Ert, Map, "--counting", "timeloop", "--timeloop-halo", "pre-297");
        Assert.True(pre.Exit == 0, pre.Err);
        Assert.Contains("│ DRAM         │ inputs  │ 157,296 ", pre.Out);
        Assert.Contains("│ shared_glb   │ inputs  │ 1,354,752  │ 157,296", pre.Out);
        Assert.Contains("energy 59.28 µJ", pre.Out);
        Assert.Contains("counting rules: timeloop (pre-#297 halo)", pre.Out);
        var head = RunMap(Spec, Ert, Map, "--counting", "timeloop");
        Assert.Contains("│ DRAM         │ inputs  │ 156,600 ", head.Out);
        // AccelSim's own rules: the diagonal multicast serves the GLB's input reads with fewer words.
        var own = RunMap(Spec, Ert, Map);
        Assert.Contains("│ shared_glb   │ inputs  │ 935,424 ", own.Out);
    }

    private static string Write(string dir, string name, string text)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryBadTimeloopInputIsOneLineNamingTheFileAndTheField()
    {
        string dir = CliRunner.TempDir();
        string spec = File.ReadAllText(Spec), ert = File.ReadAllText(Ert), map = File.ReadAllText(Map);

        // A templated v0.4 source: refused, naming the file to give instead.
        string templated = Write(dir, "arch.yaml", "architecture:\n  version: 0.4\n  nodes:\n  - !Component\n    name: DRAM\n    class: DRAM\n");
        InputErrorAssert.Holds(CliRunner.Run("map", "--model", Spec, "--layer", "parsed-processed-input", "--arch", templated, "--ert", Ert, "--mapping", Map),
            templated, "templated Timeloop v0.4", "parsed-processed-input.yaml");

        string sparse = Write(dir, "sparse.yaml", Replace(spec, "                depth: 12\n", "                depth: 12\n                metadata_storage_width: 4\n"));
        InputErrorAssert.Holds(RunMap(sparse, Ert, Map), sparse, "attributes.metadata_storage_width", "sparse");

        string meshX = Write(dir, "mesh.yaml", Replace(spec, "                meshX: 14\n                meshY: 12\n                power_gated_at: null\n                technology: \"32nm\"\n            required_actions:\n              - leak\n              - write\n              - read\n              - update\n            enabled: true\n          - name: weights_spad",
            "                meshX: 5\n                meshY: 12\n                power_gated_at: null\n                technology: \"32nm\"\n            required_actions:\n              - leak\n              - write\n              - read\n              - update\n            enabled: true\n          - name: weights_spad"));
        InputErrorAssert.Holds(RunMap(meshX, Ert, Map), meshX, "local[4].attributes.meshX");

        string shape = Write(dir, "shape.yaml", Replace(spec, "        name: conv2D\n", "        name: matmul\n"));
        InputErrorAssert.Holds(RunMap(shape, Ert, Map), shape, "problem.shape.name", "'matmul'");

        string noTable = Write(dir, "ert.yaml", Replace(ert, "system_top_level.psum_spad[1..168]", "system_top_level.other[1..168]"));
        InputErrorAssert.Holds(RunMap(Spec, noTable, Map), noTable, "ERT", "psum_spad");

        string badEnergy = Write(dir, "ert2.yaml", Replace(ert, "energy: 0.2513", "energy: lots"));
        InputErrorAssert.Holds(RunMap(Spec, badEnergy, Map), badEnergy, ".energy", "lots");

        // The architecture's constraints hold for a given mapping: weights_spad's M is fixed to 1.
        string constrained = Write(dir, "map.yaml", Replace(Replace(map, "factors: C1 M1 R3 S1 N1 P1 Q1", "factors: C1 M2 R3 S1 N1 P1 Q1"), "factors: C1 M4 R1 S1 N1 P8 Q2", "factors: C1 M2 R1 S1 N1 P8 Q2"));
        InputErrorAssert.Holds(RunMap(Spec, Ert, constrained), Spec, "architecture_constraints.targets[", ".factors: M=1 at weights_spad, the mapping has 2");

        InputErrorAssert.Holds(RunMap(Spec, Ert, Map, "--counting", "timeloops"), "--counting", "timeloops");
        InputErrorAssert.Holds(RunMap(Spec, Ert, Map, "--timeloop-halo", "pre-297"), "--timeloop-halo", "--counting timeloop");
        InputErrorAssert.Holds(CliRunner.Run("map", "--model", "alexnet", "--layer", "conv1", "--arch", "eyeriss", "--ert", Ert), "--ert", "Timeloop architectures only");
    }

    [Fact]
    public void AClassicV03ArchitectureNestsSubtreesAndMultipliesTheirInstances()
    {
        string dir = CliRunner.TempDir();
        string path = Write(dir, "arch.yaml", """
            architecture:
              version: 0.3
              subtree:
                - name: System
                  attributes: {technology: 45nm}
                  local:
                    - name: MainMemory
                      class: DRAM
                      attributes: {width: 64, word-bits: 8}
                  subtree:
                    - name: Chip
                      local:
                        - name: GlobalBuffer
                          class: SRAM
                          attributes: {depth: 8192, width: 64, block-size: 8, word-bits: 8, read_bandwidth: 16}
                      subtree:
                        - name: PE[0..15]
                          local:
                            - name: RegisterFile
                              class: regfile
                              attributes: {depth: 64, width: 8, word-bits: 8, meshX: 4}
                            - name: MACC
                              class: intmac
                              attributes: {datawidth: 8, meshX: 4}
            """);
        var arch = TimeloopArchitecture.Load(path);
        Assert.Equal(["MainMemory", "GlobalBuffer", "RegisterFile"], arch.Levels.Select(l => l.Name));
        Assert.Equal(16, arch.Instances(2));
        Assert.Equal((4, 4), (arch.Levels[1].Fanout!.X, arch.Levels[1].Fanout!.Y));
        Assert.Equal(65536, arch.Levels[1].Storage.CapacityWords);
        Assert.Equal(16, arch.Levels[1].Storage.ReadBandwidth);
        Assert.Equal(MemoryClass.Dram, arch.Levels[0].Storage.Class);
        Assert.Equal("accelergy-65nm", arch.EnergyTable); // no ERT: priced by class from the built-in table
        Assert.Equal(8, arch.Mac.Bits);
    }

    [Theory]
    [MemberData(nameof(TimeloopReferenceTests.Designs), MemberType = typeof(TimeloopReferenceTests))]
    public void TheReferenceMappingsExportAndReadBackIdentical(string design)
    {
        var d = TimeloopReferenceTests.Load(design);
        string exported = TimeloopMappingYaml.Write(d.Arch, d.Mapping);
        var back = TimeloopMappingYaml.Parse(exported, "exported.yaml", d.Arch);
        Assert.Equal(MappingYaml.Write(d.Arch, d.Mapping), MappingYaml.Write(d.Arch, back));
    }

    [Fact]
    public void TheTutorialsProblemFileIsTheProblemOfItsFlattenedSpecification()
    {
        string folder = TimeloopReferenceTests.Folder("vgg02_layer5");
        var fromProblem = AccelSim.Workloads.Timeloop.TimeloopProblem.Load(Path.Combine(folder, "VGG02_layer5.yaml")).Layers.Single(l => l.HasMacs).Problem;
        Assert.Equal(TimeloopReferenceTests.Load("vgg02_layer5").Problem, fromProblem);
    }

    [Theory]
    [MemberData(nameof(TimeloopReferenceTests.Designs), MemberType = typeof(TimeloopReferenceTests))]
    public void TheReferenceMappingsMeetTheirConstraints(string design)
    {
        var d = TimeloopReferenceTests.Load(design);
        TimeloopConstraintCheck.CheckFile(Path.Combine(TimeloopReferenceTests.Folder(design), "parsed-processed-input.yaml"), d.Arch, d.Mapping);
    }

    [Fact]
    public void ALoopOrderAgainstAPermutationConstraintIsRefusedNamingIt()
    {
        string folder = TimeloopReferenceTests.Folder("vgg02_layer5");
        string spec = Path.Combine(folder, "parsed-processed-input.yaml");
        // weights_spad runs C8 inside R3 (CRMSNPQ); its constraint NMPQSCR wants C inside R too: R inside C is refused.
        string map = Write(CliRunner.TempDir(), "map.yaml", Replace(File.ReadAllText(Path.Combine(folder, "timeloop-mapper.map.yaml")), "permutation: CRMSNPQ", "permutation: RCMSNPQ"));
        InputErrorAssert.Holds(RunMap(spec, Path.Combine(folder, "timeloop-mapper.ERT.yaml"), map), spec, ".permutation: weights_spad's loops RC (innermost first) do not nest as CR");
    }
}
