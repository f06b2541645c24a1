using AccelSim.Architecture;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Simulation;
using AccelSim.Workloads;
using AccelSim.Tests.Support;
using static AccelSim.Workloads.Dim;

namespace AccelSim.Tests.Simulation;

/// <summary>
/// SCALE-Sim's fold formula on the shipped 32 × 32 systolic array: every fold (one innermost compute block) costs its
/// stream length plus 32 + 32 − 2 cycles of skew, and a weight-stationary fold 32 more for loading its weights (the
/// arr_row prefix), partial folds at the edges included.
/// </summary>
public class SystolicFoldTests
{
    private static readonly Dim[] Order = [M, C, P, Q, N, G, R, S];

    // Weight stationary: M = 40 across the 32 columns and C = 50 down the 32 rows give ⌈40/32⌉ × ⌈50/32⌉ = 4 folds,
    // each a partial one (20 × 25 PEs used); each fold streams P·Q = 36 input vectors past the resident weights.
    private static (ProblemShape, LoopMapping, long Folds, long Stream) WeightStationary()
    {
        var problem = new ProblemShape(1, 1, 40, 50, 6, 6, 1, 1);
        var mapping = new LoopMapping([
            LevelMapping.TemporalOnly(LevelMapping.Ones(), Order, TensorSet.All),
            new LevelMapping(SystolicArrays.Factors((M, 2), (C, 2)), Order, SystolicArrays.Factors((M, 20)), SystolicArrays.Factors((C, 25)), TensorSet.All),
            LevelMapping.TemporalOnly(SystolicArrays.Factors((P, 6), (Q, 6)), Order, TensorSet.Weights),
        ]);
        return (problem, mapping, 4, 36);
    }

    // Output stationary: P = 36 across X and Q = 50 down Y give ⌈36/32⌉ × ⌈50/32⌉ = 4 partial folds per output channel,
    // 3 channels in turn: 12 folds, each accumulating C·R·S = 45 products in place.
    private static (ProblemShape, LoopMapping, long Folds, long Stream) OutputStationary()
    {
        var problem = new ProblemShape(1, 1, 3, 5, 36, 50, 3, 3);
        var mapping = new LoopMapping([
            LevelMapping.TemporalOnly(LevelMapping.Ones(), Order, TensorSet.All),
            new LevelMapping(SystolicArrays.Factors((M, 3), (P, 2), (Q, 2)), Order, SystolicArrays.Factors((P, 18)), SystolicArrays.Factors((Q, 25)), TensorSet.All),
            LevelMapping.TemporalOnly(SystolicArrays.Factors((C, 5), (R, 3), (S, 3)), Order, TensorSet.Outputs),
        ]);
        return (problem, mapping, 12, 45);
    }

    public static TheoryData<string> Dataflows => new(["ws", "os"]);

    private static (ProblemShape, LoopMapping, long, long) Case(string dataflow) => dataflow == "ws" ? WeightStationary() : OutputStationary();

    [Theory]
    [MemberData(nameof(Dataflows))]
    public void LayerCyclesMatchTheFoldFormulaExactly(string dataflow)
    {
        var (problem, mapping, folds, stream) = Case(dataflow);
        var arch = SystolicArrays.ComputeOnly();
        var sim = CycleSimulator.Run(problem, arch, mapping);
        // SCALE-Sim's folds: output stationary T + rows + columns − 2 (systolic_compute_os.py: the arr_col − 1 drain suffix,
        // then skew_matrix's rows − 1); weight stationary also begins with arr_row cycles of weight loading
        // (systolic_compute_ws.py, create_ifmap_demand_mat: inter_fold_gap_prefix = self.arr_row).
        long perFold = dataflow == "ws" ? 32 + 62 : 62;
        long expected = folds * (stream + perFold);
        Assert.Equal(expected, dataflow == "ws" ? folds * SystolicFold.StationaryCycles(stream, 32, 32) : SystolicFold.LayerCycles(folds, stream, 32, 32));
        Assert.Equal(expected, sim.TotalCycles);
        Assert.Equal(folds * stream, sim.ComputeCycles);
        Assert.Equal(folds * perFold, sim.PipelineCycles);
        Assert.Equal(expected, AnalyticalModel.Evaluate(problem, arch, mapping).ComputeCycles + AnalyticalModel.Evaluate(problem, arch, mapping).PipelineCycles);
        Assert.Equal(0, sim.StallCycles);
        Assert.True(sim.Counts.SameAs(AnalyticalModel.Evaluate(problem, arch, mapping).Counts, out var diff), diff);
    }

    [Theory]
    [MemberData(nameof(Dataflows))]
    public void WithTheShippedLinksTheFoldsAreALowerBound(string dataflow)
    {
        var (problem, mapping, folds, stream) = Case(dataflow);
        var arch = ArchitectureLibrary.Load("systolic-32x32");
        var sim = CycleSimulator.Run(problem, arch, mapping);
        Assert.True(sim.TotalCycles >= SystolicFold.LayerCycles(folds, stream, 32, 32));
        Assert.Equal(folds * (dataflow == "ws" ? 94 : 62), sim.PipelineCycles);
    }

    [Fact]
    public void TheWeightStationaryFoldReproducesScaleSimsGoldenConv1()
    {
        // scale-sim-v2's own regression case (test/golden_trace/COMPUTE_REPORT.csv): AlexNet conv1 as its
        // topologies/conv_nets/alexnet_part.csv gives it (224x224x3, 96 filters 11x11, stride 4) on 32x32 weight
        // stationary: 112,283 cycles, the index of the last cycle. SCALE-Sim's rules: output size ceil((224 - 11 + 4) / 4) = 55
        // (topology_utils.py), T = 55 x 55 output pixels streamed per fold, C·R·S = 363 on the rows (12 folds, the last
        // partial), 96 filters on the columns (3 folds).
        long outputSize = (224 - 11 + 4 + 3) / 4;
        Assert.Equal(55, outputSize);
        long folds = ((363 + 31) / 32) * ((96 + 31) / 32);
        Assert.Equal(36, folds);
        Assert.Equal(112_283 + 1, folds * SystolicFold.StationaryCycles(outputSize * outputSize, 32, 32));
        // Replayed as an AccelSim mapping (partial folds of a flattened C·R·S axis): ScaleSimReplayTests.
    }

    [Fact]
    public void ShippedSystolicConfigsSetTheFlagAndOthersDoNot()
    {
        Assert.True(ArchitectureLibrary.Load("systolic-32x32").Levels[1].Fanout!.Systolic);
        Assert.True(ArchitectureLibrary.Load("tpu-v1").Levels.Single(l => l.Fanout is not null).Fanout!.Systolic);
        Assert.False(ArchitectureLibrary.Load("eyeriss").Levels[1].Fanout!.Systolic);
    }

    private const string Yaml = """
        name: tiny
        energy_table: eyeriss-normalized
        levels:
          - name: DRAM
            class: dram
          - name: Buffer
            class: sram
            capacity: 8KB
            fanout:
              x: 4
              y: 2
              systolic: true
              network: {multicast: [inputs], reduction: true}
          - name: Regs
            class: regfile
            capacity: 16
        mac:
          bits: 16
        """;

    [Fact]
    public void YamlReadsSystolicAndStillRejectsUnknownFanoutKeys()
    {
        Assert.True(ArchitectureYaml.Parse(Yaml, "x.yaml").Levels[1].Fanout!.Systolic);
        Assert.False(ArchitectureYaml.Parse(Yaml.Replace("      systolic: true\n", ""), "x.yaml").Levels[1].Fanout!.Systolic);
        var e = Assert.ThrowsAny<InputException>(() => ArchitectureYaml.Parse(Yaml.Replace("systolic: true", "systolik: true"), "x.yaml"));
        Assert.Contains("systolik", e.Message);
        Assert.ThrowsAny<InputException>(() => ArchitectureYaml.Parse(Yaml.Replace("systolic: true", "systolic: maybe"), "x.yaml"));
    }
}
