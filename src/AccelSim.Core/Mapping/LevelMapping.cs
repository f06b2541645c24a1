using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// The loops of one storage level: a temporal factor per dim with their order (outermost first), the factors unrolled
/// across the X and Y of the fan-out below the level, and which tensors the level keeps (the rest bypass it).
/// Arrays are indexed by <see cref="Dim"/> and never mutated after construction.
/// </summary>
public sealed class LevelMapping
{
    private readonly int[] _temporal, _spatialX, _spatialY;
    private readonly Dim[] _order;

    /// <summary>Creates a level mapping; <paramref name="order"/> lists all eight dims outermost first.</summary>
    public LevelMapping(int[] temporal, Dim[] order, int[] spatialX, int[] spatialY, TensorSet keeps)
    {
        if (temporal.Length != Dims.Count || spatialX.Length != Dims.Count || spatialY.Length != Dims.Count)
            throw new ArgumentException("factor arrays must have one entry per dim");
        if (order.Length != Dims.Count || order.Distinct().Count() != Dims.Count)
            throw new ArgumentException("the loop order must list each of the eight dims once");
        _temporal = (int[])temporal.Clone();
        _order = (Dim[])order.Clone();
        _spatialX = (int[])spatialX.Clone();
        _spatialY = (int[])spatialY.Clone();
        Keeps = keeps;
    }

    /// <summary>Temporal factors indexed by dim.</summary>
    public IReadOnlyList<int> Temporal => _temporal;

    /// <summary>Loop order, outermost first (all eight dims; loops with factor 1 are no-ops).</summary>
    public IReadOnlyList<Dim> Order => _order;

    /// <summary>Factors unrolled across the fan-out's X, indexed by dim.</summary>
    public IReadOnlyList<int> SpatialX => _spatialX;

    /// <summary>Factors unrolled across the fan-out's Y, indexed by dim.</summary>
    public IReadOnlyList<int> SpatialY => _spatialY;

    /// <summary>Tensors kept at this level.</summary>
    public TensorSet Keeps { get; }

    /// <summary>Temporal factor of one dim.</summary>
    public int TemporalOf(Dim d) => _temporal[(int)d];

    /// <summary>Spatial factor (X × Y) of one dim.</summary>
    public int SpatialOf(Dim d) => _spatialX[(int)d] * _spatialY[(int)d];

    /// <summary>Children used across X (product of X factors).</summary>
    public long UsedX => _spatialX.Aggregate(1L, (a, b) => a * b);

    /// <summary>Children used across Y (product of Y factors).</summary>
    public long UsedY => _spatialY.Aggregate(1L, (a, b) => a * b);

    /// <summary>A level with only temporal loops.</summary>
    public static LevelMapping TemporalOnly(int[] temporal, Dim[] order, TensorSet keeps) =>
        new(temporal, order, Ones(), Ones(), keeps);

    /// <summary>An array of eight ones.</summary>
    public static int[] Ones() => [1, 1, 1, 1, 1, 1, 1, 1];
}
