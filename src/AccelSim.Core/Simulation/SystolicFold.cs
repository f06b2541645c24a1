using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// The SCALE-Sim view of a systolic array (Samajdar et al., ISPASS 2020; scale-sim-v2's scalesim/compute/): a fold, one
/// pass of a spatial tile through the array, costs its stream length plus the skew of the wavefront, rows + columns − 2
/// cycles of fill and drain; a weight- or input-stationary fold first loads its stationary operand, one array row per
/// cycle, rows cycles more. Partial folds at the edges of a layer pay the whole array's skew and load, as in SCALE-Sim.
/// </summary>
public static class SystolicFold
{
    /// <summary>Fill plus drain skew of a <paramref name="rows"/> × <paramref name="columns"/> array.</summary>
    public static long Skew(int rows, int columns) => rows + columns - 2L;

    /// <summary>Cycles of one output-stationary fold streaming <paramref name="streamLength"/> operand vectors.</summary>
    public static long Cycles(long streamLength, int rows, int columns) => streamLength + Skew(rows, columns);

    /// <summary>Cycles of one weight- or input-stationary fold: the stationary operand's rows-cycle load, then the stream.</summary>
    public static long StationaryCycles(long streamLength, int rows, int columns) => rows + Cycles(streamLength, rows, columns);

    /// <summary>Cycles of a layer: <paramref name="folds"/> output-stationary folds of equal stream length.</summary>
    public static long LayerCycles(long folds, long streamLength, int rows, int columns) => folds * Cycles(streamLength, rows, columns);

    /// <summary>
    /// What every fold of <paramref name="mapping"/> adds to its stream on <paramref name="arch"/>: the skew of each
    /// systolic fan-out, plus its rows when the PE level holds an operand fixed through the fold (it keeps weights or
    /// inputs and none of its temporal loops indexes that tensor). Read from the mapping itself, independently of the
    /// analytical model's counter.
    /// </summary>
    public static long Overhead(Accelerator arch, LoopMapping mapping)
    {
        long skew = arch.SystolicSkew;
        if (skew == 0) return 0;
        var pe = mapping.Levels[^1];
        bool Stationary(TensorKind t) => pe.Keeps.Has(t) && Dims.All.All(d => pe.TemporalOf(d) <= 1 || !Tensors.IsRelevant(t, d));
        return skew + (Stationary(TensorKind.Weights) || Stationary(TensorKind.Inputs) ? arch.SystolicRows : 0);
    }
}
