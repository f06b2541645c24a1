using AccelSim.Workloads;

namespace AccelSim.Architecture.Constraints;

/// <summary>
/// Constraints on the mapping of one storage level (SPEC §3, as Timeloop's per-level constraints): temporal factors per
/// dim (allowed values, 0 = the whole bound left), which dims may loop here at all, the order of the innermost loops,
/// the spatial unrolling of the fan-out below the level per axis, and per tensor must-keep, may-keep and never-keep.
/// Written in an architecture's <c>constraints:</c> block, a <c>--constraints</c> file, or a dataflow's roles.
/// </summary>
public sealed record LevelConstraints
{
    /// <summary>No constraint at all.</summary>
    public static readonly LevelConstraints None = new();

    /// <summary>Allowed temporal factors per dim (a single value fixes it; 0 = the whole bound left).</summary>
    public IReadOnlyDictionary<Dim, IReadOnlyList<int>> Factors { get; init; } = new Dictionary<Dim, IReadOnlyList<int>>();

    /// <summary>Dims that may have a temporal factor above 1 at this level, or null for any.</summary>
    public IReadOnlyList<Dim>? Loops { get; init; }

    /// <summary>
    /// Loop order, outermost first: these dims are the level's innermost loops in this order, every other loop sits
    /// outside them (a full order lists all eight). Null leaves the order to the mapper.
    /// </summary>
    public IReadOnlyList<Dim>? Permutation { get; init; }

    /// <summary>Spatial constraints of the fan-out below the level along X, or null.</summary>
    public AxisConstraints? X { get; init; }

    /// <summary>Spatial constraints of the fan-out below the level along Y, or null.</summary>
    public AxisConstraints? Y { get; init; }

    /// <summary>Tensors the level must keep.</summary>
    public TensorSet Keep { get; init; }

    /// <summary>Tensors the level may keep or bypass (<c>--search-bypass</c> decides; kept otherwise).</summary>
    public TensorSet MayKeep { get; init; }

    /// <summary>Tensors the level must not keep.</summary>
    public TensorSet NeverKeep { get; init; }

    /// <summary>The axis constraints of X or Y.</summary>
    public AxisConstraints? Axis(bool y) => y ? Y : X;

    /// <summary>True when a temporal factor above 1 is allowed for <paramref name="dim"/> by <see cref="Loops"/>.</summary>
    public bool MayLoop(Dim dim) => Loops is null || Loops.Contains(dim);

    /// <summary>
    /// This block with <paramref name="over"/>'s keys replacing its own (a <c>--constraints</c> file over the arch file):
    /// a key given in <paramref name="over"/> wins, the others stay.
    /// </summary>
    public LevelConstraints OverriddenBy(LevelConstraints over) => new()
    {
        Factors = Factors.Where(f => !over.Factors.ContainsKey(f.Key)).Concat(over.Factors).ToDictionary(),
        Loops = over.Loops ?? Loops,
        Permutation = over.Permutation ?? Permutation,
        X = over.X ?? X,
        Y = over.Y ?? Y,
        Keep = (Keep & ~over.MayKeep & ~over.NeverKeep) | over.Keep,
        MayKeep = (MayKeep & ~over.Keep & ~over.NeverKeep) | over.MayKeep,
        NeverKeep = (NeverKeep & ~over.Keep & ~over.MayKeep) | over.NeverKeep,
    };

    /// <summary>
    /// Both blocks at once (a dataflow's role constraints and the architecture's own): allowed factors and loops
    /// intersected, keeps united; <paramref name="conflict"/> builds the error when they cannot both hold.
    /// </summary>
    public LevelConstraints And(LevelConstraints other, Func<string, Exception> conflict)
    {
        var factors = Factors.ToDictionary();
        foreach (var (dim, allowed) in other.Factors)
        {
            if (!factors.TryGetValue(dim, out var mine)) { factors[dim] = allowed; continue; }
            var both = mine.Where(allowed.Contains).ToArray();
            if (both.Length == 0) throw conflict($"factors of {dim}: [{string.Join(", ", mine)}] and [{string.Join(", ", allowed)}] have no value in common");
            factors[dim] = both;
        }
        if (Permutation is not null && other.Permutation is not null && !Permutation.SequenceEqual(other.Permutation))
            throw conflict($"permutation [{string.Join(", ", Permutation)}] and [{string.Join(", ", other.Permutation)}] differ");
        var keep = Keep | other.Keep;
        var never = NeverKeep | other.NeverKeep;
        if ((keep & never) != TensorSet.None) throw conflict($"{(keep & never).Describe()} must be kept and must not be kept");
        return new LevelConstraints
        {
            Factors = factors,
            Loops = Loops is null ? other.Loops : other.Loops is null ? Loops : Loops.Where(other.Loops.Contains).ToArray(),
            Permutation = Permutation ?? other.Permutation,
            X = X is null ? other.X : other.X is null ? X : X.And(other.X, conflict),
            Y = Y is null ? other.Y : other.Y is null ? Y : Y.And(other.Y, conflict),
            Keep = keep,
            MayKeep = (MayKeep | other.MayKeep) & ~keep & ~never,
            NeverKeep = never,
        };
    }

    /// <summary>Fixed factors of two blocks combined; the same dim fixed to two values is a conflict.</summary>
    internal static IReadOnlyDictionary<Dim, int> CombineFixed(IReadOnlyDictionary<Dim, int> a, IReadOnlyDictionary<Dim, int> b, Func<string, Exception> conflict)
    {
        var result = a.ToDictionary();
        foreach (var (dim, f) in b)
        {
            if (result.TryGetValue(dim, out var mine) && mine != f) throw conflict($"spatial factor of {dim} fixed to both {mine} and {f}");
            result[dim] = f;
        }
        return result;
    }
}
