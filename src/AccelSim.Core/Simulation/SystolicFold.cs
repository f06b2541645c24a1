namespace AccelSim.Simulation;

/// <summary>
/// The SCALE-Sim view of a systolic array (Samajdar et al., ISPASS 2020): a fold, one pass of a spatial tile through
/// the array, costs its stream length plus the skew of the wavefront, rows + columns − 2 cycles of fill and drain.
/// Partial folds at the edges of a layer pay the whole array's skew, as in SCALE-Sim.
/// </summary>
public static class SystolicFold
{
    /// <summary>Fill plus drain skew of a <paramref name="rows"/> × <paramref name="columns"/> array.</summary>
    public static long Skew(int rows, int columns) => rows + columns - 2L;

    /// <summary>Cycles of one fold streaming <paramref name="streamLength"/> operand vectors.</summary>
    public static long Cycles(long streamLength, int rows, int columns) => streamLength + Skew(rows, columns);

    /// <summary>Cycles of a layer: <paramref name="folds"/> folds of equal stream length.</summary>
    public static long LayerCycles(long folds, long streamLength, int rows, int columns) => folds * Cycles(streamLength, rows, columns);
}
