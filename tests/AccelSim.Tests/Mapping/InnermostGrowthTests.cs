using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// "Maximal innermost tiles" is not a proof as first stated (docs/mapper.md, "Maximal innermost tiles: what holds"):
/// moving a temporal factor from the level above into the innermost level never raises a count for the dims a tensor's
/// tile is linear in, but it can for the sliding input dims. Two counterexamples, each a pair of mappings that differ only
/// by where one P factor of 2 sits (the buffer, or the innermost register file), evaluated by the analytical model.
/// </summary>
public class InnermostGrowthTests
{
    private const int P = (int)Dim.P, R = (int)Dim.R;

    /// <summary>
    /// Diagonal multicast (Eyeriss' row-stationary network): 4 PEs along X unroll P, 3 down Y unroll R. With one output row
    /// per PE the 12 PEs' input rows are p + r, 6 distinct rows per buffer step (2 steps: 12 reads); with two rows per PE
    /// the windows start 2 apart and 9 distinct rows are read at once (18 reads), though each PE fills the same 2 rows.
    /// </summary>
    [Fact]
    public void GrowingTheInnermostTileInASlidingDimCanRaiseTheBuffersReadsUnderDiagonalMulticast()
    {
        var arch = TestArchitectures.ThreeLevel(4, 3, TensorSet.All, reduction: true);
        var problem = new ProblemShape(1, 1, 1, 1, 8, 1, 3, 1);
        var x = LevelMapping.Ones(); x[P] = 4;
        var y = LevelMapping.Ones(); y[R] = 3;
        var inBuffer = Evaluate(problem, arch, bufferP: 2, rfP: 1, x, y);
        var grown = Evaluate(problem, arch, bufferP: 1, rfP: 2, x, y);
        Assert.Equal(12, inBuffer.Counts.At(1, TensorKind.Inputs).Reads);
        Assert.Equal(18, grown.Counts.At(1, TensorKind.Inputs).Reads);
        Assert.Equal(inBuffer.Counts.At(2, TensorKind.Inputs).Fills, grown.Counts.At(2, TensorKind.Inputs).Fills);
        Assert.True(grown.TotalEnergy > inBuffer.TotalEnergy);
    }

    /// <summary>
    /// A stride larger than the window (a 1x1 convolution of stride 2): one row per register-file tile fills 2 rows over the
    /// buffer's 2 steps; a tile of two output rows spans the skipped row too, 3 rows.
    /// </summary>
    [Fact]
    public void GrowingTheInnermostTileCanFillSkippedRowsWhenTheStrideExceedsTheWindow()
    {
        var arch = TestArchitectures.ThreeLevel(1, 1, TensorSet.All, reduction: true);
        var problem = new ProblemShape(1, 1, 1, 1, 2, 1, 1, 1, StrideH: 2);
        var inBuffer = Evaluate(problem, arch, bufferP: 2, rfP: 1, LevelMapping.Ones(), LevelMapping.Ones());
        var grown = Evaluate(problem, arch, bufferP: 1, rfP: 2, LevelMapping.Ones(), LevelMapping.Ones());
        Assert.Equal(2, inBuffer.Counts.At(2, TensorKind.Inputs).Fills);
        Assert.Equal(3, grown.Counts.At(2, TensorKind.Inputs).Fills);
        Assert.True(grown.TotalEnergy > inBuffer.TotalEnergy);
    }

    // DRAM with nothing left, the buffer with its P factor and the fan-out, the register file with its P factor; every
    // level keeps every tensor, canonical orders.
    private static Evaluation Evaluate(ProblemShape problem, Accelerator arch, int bufferP, int rfP, int[] x, int[] y)
    {
        var buffer = LevelMapping.Ones(); buffer[P] = bufferP;
        var rf = LevelMapping.Ones(); rf[P] = rfP;
        var levels = new List<LevelMapping>
        {
            new(LevelMapping.Ones(), Dims.All.ToArray(), LevelMapping.Ones(), LevelMapping.Ones(), TensorSet.All),
            new(buffer, Dims.All.ToArray(), x, y, TensorSet.All),
            new(rf, Dims.All.ToArray(), LevelMapping.Ones(), LevelMapping.Ones(), TensorSet.All),
        };
        return AnalyticalModel.Evaluate(problem, arch, new LoopMapping(levels));
    }
}
