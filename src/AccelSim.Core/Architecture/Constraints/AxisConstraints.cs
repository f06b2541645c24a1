using AccelSim.Workloads;

namespace AccelSim.Architecture.Constraints;

/// <summary>
/// Constraints on one axis (X or Y) of a fan-out's spatial unrolling: the dims it may unroll, how many at most, factors
/// fixed per dim (0 = the whole bound left), and dims unrolled whole whenever their bound fits the axis (row stationary's
/// filter rows down Y). Null members leave that aspect free.
/// </summary>
public sealed record AxisConstraints
{
    /// <summary>Dims the axis may unroll, or null for any.</summary>
    public IReadOnlyList<Dim>? Dims { get; init; }

    /// <summary>Most dims unrolled on the axis at once, or null for no limit but the axis' size.</summary>
    public int? MaxDims { get; init; }

    /// <summary>Fixed spatial factors per dim; 0 means the whole bound left at this point of the nest.</summary>
    public IReadOnlyDictionary<Dim, int> Factors { get; init; } = new Dictionary<Dim, int>();

    /// <summary>Dims unrolled whole on this axis whenever what is left of their bound fits it.</summary>
    public IReadOnlyList<Dim> WholeIfFits { get; init; } = [];

    /// <summary>
    /// The axis may unroll a flattened group of its dims as one index (<c>flatten: true</c>; docs/arch-format.md): the
    /// mapper's <c>--imperfect</c> search then also tries SCALE-Sim's folds (P·Q, C·R·S). Null leaves it to the other side
    /// of a combination; false refuses it.
    /// </summary>
    public bool? Flatten { get; init; }

    /// <summary>True when <paramref name="dim"/> may be unrolled on the axis (listed, or no list).</summary>
    public bool Allows(Dim dim) => Dims is null || Dims.Contains(dim);

    /// <summary>Both constraints at once: allowed dims intersected, the smaller maximum, fixed factors and whole dims combined.</summary>
    public AxisConstraints And(AxisConstraints other, Func<string, Exception> conflict) => new()
    {
        Dims = Dims is null ? other.Dims : other.Dims is null ? Dims : Dims.Where(other.Dims.Contains).ToArray(),
        MaxDims = MaxDims is null ? other.MaxDims : other.MaxDims is null ? MaxDims : Math.Min(MaxDims.Value, other.MaxDims.Value),
        Factors = LevelConstraints.CombineFixed(Factors, other.Factors, conflict),
        WholeIfFits = WholeIfFits.Union(other.WholeIfFits).ToArray(),
        Flatten = Flatten is false || other.Flatten is false ? false : Flatten ?? other.Flatten,
    };
}
