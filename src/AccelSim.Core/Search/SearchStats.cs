using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>What a search covered: the space (spatial unrollings, and temporal tilings of all of them before pruning), what
/// pruning removed, what was evaluated (each tiling with its candidate loop orders), and how long it took.</summary>
public sealed record SearchStats(
    long SpatialCandidates,
    long SpatialSearched,
    double TilingSpace,
    long Factorizations,
    long CapacityPruned,
    long DominatedSkipped,
    long Evaluations,
    TimeSpan Elapsed)
{
    /// <summary>Partial mappings (spatial unrolling and innermost tiling, or deeper) whose lower bound exceeded the best found.</summary>
    public long BoundPruned { get; init; }

    /// <summary>Partial mappings the tie cut dropped (<see cref="MapperOptions.CutsTies"/>): none of their completions beats
    /// the best or changes which tied mappings the tie-breaks see, so the result is the same; the tied mappings they hold
    /// are not evaluated, hence not counted among the candidates (docs/mapper.md, "Cutting ties the tie-breaks never need").</summary>
    public long TiesCut { get; init; }

    /// <summary>Partial tilings the inward move dropped (<see cref="MapperOptions.MovesInward"/>): another work item walks a
    /// mapping with no more energy and no more cycles (docs/mapper.md, "The inward move").</summary>
    public long MovedInward { get; init; }

    /// <summary>Spatial unrollings whose own bound exceeded the seed's cost: no work item was built for them
    /// (docs/mapper.md, "Bound order, the lagged best and the seed"). Each also counts once in <see cref="BoundPruned"/>.</summary>
    public long UnrollingsCut { get; init; }

    /// <summary>
    /// The cost every work item was first pruned against: the best of a walk of the lowest-bound items over maximal tilings
    /// only (+∞ when the search cannot prune). Its work is included in the counts above.
    /// </summary>
    public double SeedCost { get; init; } = double.PositiveInfinity;

    /// <summary>The explicit utilization floor searched with (0 = none).</summary>
    public double MinUtilization { get; init; }

    /// <summary>Spatial unrollings left out by <see cref="MinUtilization"/>.</summary>
    public long SpatialBelowMinUtilization { get; init; }

    /// <summary>Spatial unrollings above the utilization floor that a cap left out (<see cref="MapperOptions.SpatialCandidates"/>,
    /// <see cref="MapperOptions.ImperfectCandidates"/>, <see cref="MapperOptions.FlattenedCandidates"/>); 0 in the sound search
    /// unless imperfect or flattened unrollings exceed their caps.</summary>
    public long SpatialCapped { get; init; }

    /// <summary>Spatial unrollings not walked because they mirror a searched one (X and Y swapped at a square fan-out whose
    /// axes are alike): they count alike, so the search keeps one per class and stays sound (docs/mapper.md, "Mirrored
    /// unrollings"). Counted in <see cref="SpatialCandidates"/>, not in <see cref="SpatialSearched"/>.</summary>
    public long MirrorTwins { get; init; }

    /// <summary>Whether the walk skipped dominated tilings (<see cref="MapperOptions.MaximalTilesOnly"/>, the fast search, or
    /// <see cref="MapperOptions.SkipsDominatedImperfect"/> on imperfect and flattened unrollings).</summary>
    public bool DominatedSkip { get; init; }

    /// <summary>Whether the space was sampled at random (<see cref="MapperOptions.RandomSamples"/>) instead of walked.</summary>
    public bool Sampled { get; init; }

    /// <summary>
    /// Whether the search was sound, so its result is the optimum of the declared space: no unrolling left out by a cap, no
    /// dominated-tiling skip, no sampling (an explicit utilization floor narrows the declared space, not its search).
    /// </summary>
    public bool Sound => SpatialCapped == 0 && !DominatedSkip && !Sampled;

    /// <summary>The simulated pick among tied mappings (or latency-sim's candidates); null when it was off.</summary>
    public SimulatedPickStats? Simulation { get; init; }

    /// <summary>Evaluations per second.</summary>
    public double EvaluationsPerSecond => Evaluations / Math.Max(1e-9, Elapsed.TotalSeconds);
}
