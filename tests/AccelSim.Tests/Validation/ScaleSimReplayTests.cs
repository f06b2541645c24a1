using AccelSim.Architecture;
using AccelSim.Architecture.Yaml;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Simulation;
using AccelSim.Workloads;
using AccelSim.Tests.Support;
using static AccelSim.Workloads.Dim;

namespace AccelSim.Tests.Validation;

/// <summary>
/// SCALE-Sim v2's weight-stationary mapping replayed in AccelSim on the layers of its topologies that perfect factors can
/// already express (1 x 1 convolutions whose channels and filters fill or divide the array; the rest need #15's
/// imperfect factors and flattened axes). SCALE-Sim puts the window (R·S·C) down the rows, the filters across the
/// columns and streams the output pixels (systolic_compute_ws.py lines 67-69). Expected: SCALE-Sim's total as
/// scripts/scalesim_expected_cycles.py computes it from its source (which reproduces its golden 112,283), + 1 for
/// SCALE-Sim's last-cycle index. Unbounded bandwidth, as SCALE-Sim's stall-free compute report.
/// </summary>
public class ScaleSimReplayTests
{
    private static readonly Dim[] Order = [M, C, P, Q, N, G, R, S];

    [Theory]
    // network, layer (SCALE-Sim's ceil output size P = Q), C, M, array, SCALE-Sim's total cycles
    [InlineData("Resnet18 Conv3_s", 29, 64, 128, 32, 7479)]
    [InlineData("mobilenet Conv11", 28, 256, 256, 32, 56191)]
    [InlineData("mobilenet Conv9", 28, 128, 256, 32, 28095)]
    [InlineData("mobilenet Conv25", 7, 512, 1024, 32, 73215)]
    [InlineData("mobilenet Conv13", 14, 256, 512, 256, 1923)]
    [InlineData("Resnet18 Conv5_s", 8, 256, 512, 256, 1659)]
    [InlineData("Resnet18 Conv4_s", 15, 128, 256, 256, 990)]
    public void WeightStationaryPointwiseLayersComeOutAtScaleSimsTotalPlusOne(string layer, int pq, int c, int m, int size, long scaleSim)
    {
        var arch = SystolicArrays.ComputeOnly(size);
        int rows = Math.Min(c, size), cols = Math.Min(m, size);
        var problem = new ProblemShape(1, 1, m, c, pq, pq, 1, 1);
        var mapping = new LoopMapping([
            // The folds loop in DRAM so that the buffer holds one fold's tiles (SCALE-Sim's SRAMs are double-buffered
            // per fold; the buffer's size plays no part in the cycles at unbounded bandwidth).
            LevelMapping.TemporalOnly(SystolicArrays.Factors((M, m / cols), (C, c / rows)), Order, TensorSet.All),
            new LevelMapping(LevelMapping.Ones(), Order, SystolicArrays.Factors((M, cols)), SystolicArrays.Factors((C, rows)), TensorSet.All),
            LevelMapping.TemporalOnly(SystolicArrays.Factors((P, pq), (Q, pq)), Order, TensorSet.Weights),
        ]);
        var sim = CycleSimulator.Run(problem, arch, mapping);
        Assert.True(scaleSim + 1 == sim.TotalCycles, $"{layer} on {size}x{size}: {sim.TotalCycles} vs SCALE-Sim {scaleSim} + 1");
        Assert.Equal(0, sim.StallCycles);
        var eval = AnalyticalModel.Evaluate(problem, arch, mapping);
        Assert.Equal(scaleSim + 1, eval.ComputeCycles + eval.PipelineCycles);
    }
}
