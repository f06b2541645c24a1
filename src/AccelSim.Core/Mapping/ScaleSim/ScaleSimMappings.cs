using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Workloads;
using static AccelSim.Workloads.Dim;

namespace AccelSim.Mapping.ScaleSim;

/// <summary>SCALE-Sim v2's three fixed dataflows (its config's Dataflow: os, ws, is).</summary>
public enum ScaleSimDataflow
{
    /// <summary>Output stationary: rows = output pixels, columns = filters, streamed = the window C·R·S.</summary>
    Os,
    /// <summary>Weight stationary: rows = the window C·R·S, columns = filters, streamed = output pixels.</summary>
    Ws,
    /// <summary>Input stationary: rows = the window C·R·S, columns = output pixels, streamed = filters.</summary>
    Is,
}

/// <summary>
/// Writes the mapping SCALE-Sim v2 runs a layer with, as an AccelSim <see cref="LoopMapping"/>, so that its cycles can be
/// replayed and compared. SCALE-Sim has no mapping choice: per dataflow it puts one operand dimension down the array's
/// rows (Sr), one across its columns (Sc) and streams the third (T) through each fold (scalesim/topology_utils.py
/// calc_spatio_temporal_params lines 226-237; systolic_compute_os.py 69-71, _ws.py 67-69, _is.py 69-71), where output
/// pixels are P·Q (N·P·Q with a batch or matmul tokens), the window R·S·C and the filters M; a grouped layer runs its
/// groups one after the other (SCALE-Sim's depthwise rows: one layer per channel). It folds both axes,
/// ceil(Sr / rows) × ceil(Sc / columns) folds, column folds outermost (the fc / fr loops of create_*_demand_mat).
/// <para>
/// In AccelSim: the fold loops are temporal loops of the outermost level, the array level unrolls Sr across Y (rows) and
/// Sc across X (columns), and the innermost level streams T holding the stationary tensor. An axis over several dims
/// larger than 1 is a flattened dim product (<see cref="FlattenGroup"/>, in SCALE-Sim's index order), so its last fold is
/// partial exactly as SCALE-Sim's.
/// </para>
/// </summary>
public static class ScaleSimMappings
{
    private static readonly Dim[] Pixels = [N, P, Q];
    // SCALE-Sim's flat indices (operand_matrix.py calc_ifmap_elem_addr): pixel i = p·Q + q, window j = (r·S + s)·C + c.
    private static readonly Dim[] Window = [R, S, C];
    private static readonly Dim[] Filters = [M];

    /// <summary>Parses os, ws or is (SCALE-Sim's spellings); throws <see cref="InputException"/> naming <paramref name="option"/> otherwise.</summary>
    public static ScaleSimDataflow Parse(string text, string option) => text.Trim().ToLowerInvariant() switch
    {
        "os" => ScaleSimDataflow.Os,
        "ws" => ScaleSimDataflow.Ws,
        "is" => ScaleSimDataflow.Is,
        _ => throw new InputException($"{option}: '{text}' is not one of SCALE-Sim's dataflows (os, ws, is)"),
    };

    /// <summary>SCALE-Sim's operand dimensions for a dataflow: the dims down the rows, across the columns, and streamed.</summary>
    public static (Dim[] Rows, Dim[] Columns, Dim[] Stream) Axes(ScaleSimDataflow dataflow) => dataflow switch
    {
        ScaleSimDataflow.Os => (Pixels, Filters, Window),
        ScaleSimDataflow.Ws => (Window, Filters, Pixels),
        _ => (Window, Pixels, Filters),
    };

    /// <summary>The tensor held in the PEs through a fold.</summary>
    public static TensorKind Stationary(ScaleSimDataflow dataflow) => dataflow switch
    {
        ScaleSimDataflow.Os => TensorKind.Outputs,
        ScaleSimDataflow.Ws => TensorKind.Weights,
        _ => TensorKind.Inputs,
    };

    /// <summary>SCALE-Sim's fold count: ceil(Sr / rows) × ceil(Sc / columns) per group.</summary>
    public static long Folds(ProblemShape problem, ScaleSimDataflow dataflow, int rows, int columns)
    {
        var (r, c, _) = Axes(dataflow);
        return checked(problem.G * Ceil(Product(problem, r), rows) * Ceil(Product(problem, c), columns));
    }

    /// <summary>
    /// The mapping SCALE-Sim runs <paramref name="problem"/> with on <paramref name="arch"/>, whose array is the fan-out of
    /// its second-innermost level (rows = Y, columns = X). Throws <see cref="InputException"/> when the architecture has
    /// another shape.
    /// </summary>
    public static LoopMapping Write(ProblemShape problem, Accelerator arch, ScaleSimDataflow dataflow)
    {
        int array = ArrayLevel(arch);
        var (rowDims, columnDims, streamDims) = Axes(dataflow);
        var folds = LevelMapping.Ones();
        var spatialY = LevelMapping.Ones();
        var spatialX = LevelMapping.Ones();
        var groups = new List<FlattenGroup>();
        Unroll(problem, rowDims, arch.Levels[array].FanoutY, spatialY, folds, groups);
        Unroll(problem, columnDims, arch.Levels[array].FanoutX, spatialX, folds, groups);
        folds[(int)G] = problem.G;
        var stream = LevelMapping.Ones();
        foreach (var d in streamDims) stream[(int)d] = problem[d];
        // Groups outermost, then the column folds, then the row folds (SCALE-Sim's fc and fr loops).
        Dim[] order = [G, .. columnDims, .. rowDims, .. streamDims];
        var levels = new List<LevelMapping>();
        for (int i = 0; i < arch.Levels.Count; i++)
        {
            var keeps = i == 0 ? TensorSet.All : arch.Levels[i].Storage.Keeps;
            if (i == arch.Levels.Count - 1) levels.Add(LevelMapping.TemporalOnly(stream, order, TensorSets.Of(Stationary(dataflow)) & keeps));
            else if (i == array) levels.Add(new LevelMapping(LevelMapping.Ones(), order, spatialX, spatialY, keeps));
            else levels.Add(LevelMapping.TemporalOnly(i == 0 ? folds : LevelMapping.Ones(), order, keeps));
        }
        return new LoopMapping(levels, groups);
    }

    // One array axis of `size` units over `dims` as SCALE-Sim's flat operand index (most significant first): the dims larger
    // than 1 flattened into one joint dim when there are several, unrolled up to `size`, the rest in folds (the last one
    // partial). Its factors go on the first of those dims (FlattenGroup).
    private static void Unroll(ProblemShape problem, Dim[] dims, int size, int[] spatial, int[] folds, List<FlattenGroup> groups)
    {
        var members = dims.Where(d => problem[d] > 1).ToArray();
        if (members.Length == 0) return;
        if (members.Length > 1) groups.Add(new FlattenGroup(members));
        long joint = Product(problem, members);
        int unrolled = (int)Math.Min(joint, size);
        spatial[(int)members[0]] = unrolled;
        folds[(int)members[0]] = checked((int)Ceil(joint, unrolled));
    }

    /// <summary>Throws <see cref="InputException"/> unless <paramref name="arch"/> is shaped as SCALE-Sim's array (<see cref="Write"/>).</summary>
    public static void CheckShape(Accelerator arch) => ArrayLevel(arch);

    // The one fan-out, directly above the innermost (PE) level.
    private static int ArrayLevel(Accelerator arch)
    {
        var fanouts = Enumerable.Range(0, arch.Levels.Count).Where(i => arch.Levels[i].Fanout is not null).ToList();
        if (arch.Levels.Count < 3 || fanouts.Count != 1 || fanouts[0] != arch.Levels.Count - 2)
            throw new InputException($"--scalesim: '{arch.Name}' is not a SCALE-Sim-shaped array: it needs one 2-D fan-out, on the level above the innermost (PE) level, "
                + "and a level above it (as systolic-32x32 and tpu-v1)");
        return fanouts[0];
    }

    private static long Product(ProblemShape problem, Dim[] dims) => dims.Aggregate(1L, (a, d) => checked(a * problem[d]));

    private static long Ceil(long a, long b) => (a + b - 1) / b;

    private static string Describe(Dim[] dims) => string.Join("·", dims);

    private static string Name(ScaleSimDataflow dataflow) => dataflow.ToString().ToLowerInvariant();
}
