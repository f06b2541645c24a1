using AccelSim.Mapping;
using AccelSim.Model;

namespace AccelSim.Search;

/// <summary>How the mapper searches.</summary>
public sealed record MapperOptions
{
    /// <summary>What to minimize.</summary>
    public Objective Objective { get; init; } = Objective.Energy;

    /// <summary>
    /// At most this many spatial unrollings are searched, the best-utilized first (the rest are counted in the space, not
    /// searched). No cap by default (<see cref="int.MaxValue"/>, the sound search, <see cref="Sound"/>): the bound, not a
    /// count, decides which unrollings are walked. <see cref="Fast"/> (<c>--fast</c>) sets
    /// <see cref="FastSpatialCandidates"/>: a declared cap, reported in the statistics, and a utilization floor in effect.
    /// </summary>
    public int SpatialCandidates { get; init; } = int.MaxValue;

    /// <summary>The spatial unrollings <see cref="Fast"/> searches: the 16 best-utilized.</summary>
    public const int FastSpatialCandidates = 16;

    /// <summary>
    /// An explicit utilization floor: spatial unrollings using fewer than this fraction of the MAC units are not searched
    /// (reported in <see cref="SearchStats.SpatialBelowMinUtilization"/>). 0 (the default) searches them all.
    /// </summary>
    public double MinUtilization { get; init; }

    /// <summary>
    /// Heuristic, off by default (the sound search, <see cref="Sound"/>) and on in <see cref="Fast"/> (<c>--fast</c>):
    /// at a bounded level other than the innermost,
    /// a tiling whose tile could grow by one divisor step in some dim and still fit is not enumerated. Not a proof, even
    /// where no tensor bypasses the level (a lower level can pay for the grown tile: docs/mapper.md), so it can miss the
    /// optimum (BERT q_proj on simba, issue #16).
    /// </summary>
    public bool MaximalTilesOnly { get; init; }

    /// <summary>
    /// The sound search, the default (<c>--exhaustive</c> names it; docs/mapper.md, "The switch to the sound default"):
    /// every spatial unrolling (bar an
    /// explicit <see cref="MinUtilization"/> floor), no dominated-tiling skip, pruned by proofs only (branch and bound from
    /// a deterministic seed, the separable loop orders: docs/mapper.md), so it returns the optimum of the declared space.
    /// Turns off what <see cref="Fast"/> turns on, and nothing else.
    /// </summary>
    public MapperOptions Sound() => this with { SpatialCandidates = int.MaxValue, MaximalTilesOnly = false };

    /// <summary>
    /// The fast heuristic search (<c>--fast</c>; the default until session 11): only the
    /// <see cref="FastSpatialCandidates"/> best-utilized spatial unrollings, and the dominated-tiling skip
    /// (<see cref="MaximalTilesOnly"/>), with the sound search's exact prunings on top. Not proven optimal: it can miss the
    /// optimum of the declared space (docs/mapper.md). <see cref="SearchStats.Sound"/> reports whether a search was sound.
    /// </summary>
    public MapperOptions Fast() => this with { SpatialCandidates = FastSpatialCandidates, MaximalTilesOnly = true };

    /// <summary>True when these options ask for the sound search (<see cref="Sound"/>: no spatial cap, no dominated-tiling
    /// skip); whether a search that ran was sound is <see cref="SearchStats.Sound"/>.</summary>
    public bool AsksSound => SpatialCandidates == int.MaxValue && !MaximalTilesOnly;

    /// <summary>
    /// Prune partial mappings whose lower bound (<see cref="PartialBound"/>) exceeds the best objective found so far. On by
    /// default: it never changes the result, only how much is walked. Off walks every tiling (tests that count the space).
    /// </summary>
    public bool BranchAndBound { get; init; } = true;

    /// <summary>
    /// Also search which tensors the levels between DRAM and the PE level keep or bypass (every subset of what each level may
    /// hold; the PE level's keeps are the dataflow's). Off by default: it multiplies the search by up to 2^(tensors) per level.
    /// </summary>
    public bool SearchBypass { get; init; }

    /// <summary>
    /// Also search imperfect spatial factors (docs/mapper.md): on each axis, for every number of folds a dim can take, the
    /// fewest units that give it (⌈what is left ÷ folds⌉), so an axis can be filled and its last fold left partly idle;
    /// and flattened unrollings where an axis opts in (<see cref="FlattenedCandidates"/>). Imperfect and flattened
    /// unrollings walk without the branch-and-bound bound (proven for perfect completions only); perfect ones keep it.
    /// Off by default.
    /// </summary>
    public bool ImperfectFactors { get; init; }

    /// <summary>
    /// With <see cref="ImperfectFactors"/>: also imperfect temporal factors at the level under DRAM (⌈what is left ÷ k⌉ per
    /// count k of the DRAM iterations). Every partial mapping then has imperfect completions, for which the bound is not
    /// proven, so the whole search walks without it: much slower (MobileNet v1 conv4_pw on eyeriss: 140 s), hence a
    /// separate switch. Off by default.
    /// </summary>
    public bool ImperfectTemporal { get; init; }

    /// <summary>
    /// With <see cref="ImperfectFactors"/>: at most this many imperfect spatial unrollings are searched, the best-utilized
    /// first, on top of every perfect one. 16 by default: they walk without the bound, so searching them all costs minutes
    /// on a real layer. A declared cap: what it leaves out is reported (<see cref="SearchStats.SpatialCapped"/>), and such a
    /// search is not reported sound.
    /// </summary>
    public int ImperfectCandidates { get; init; } = 16;

    /// <summary>
    /// With <see cref="ImperfectFactors"/>: the imperfect and flattened unrollings (which walk without the bound) skip
    /// dominated tilings as the fast search does (<see cref="MaximalTilesOnly"/>), so that <c>--imperfect</c> keeps the
    /// speed it had (LeNet-5 c1 on systolic-32x32 under latency: 53 s without the skip). A heuristic: such a search is not
    /// reported sound (<see cref="SearchStats.DominatedSkip"/>). On by default; off walks their every tiling.
    /// </summary>
    public bool ImperfectMaximalTilesOnly { get; init; } = true;

    /// <summary>Whether imperfect and flattened unrollings skip dominated tilings (<see cref="ImperfectFactors"/> and <see cref="ImperfectMaximalTilesOnly"/>).</summary>
    public bool SkipsDominatedImperfect => ImperfectFactors && ImperfectMaximalTilesOnly;

    /// <summary>Whether the search draws imperfect temporal factors (<see cref="ImperfectFactors"/> and <see cref="ImperfectTemporal"/>).</summary>
    public bool SearchesImperfectTemporal => ImperfectFactors && ImperfectTemporal;

    /// <summary>
    /// With <see cref="ImperfectFactors"/>: at most this many flattened unrollings (axes with <c>flatten: true</c>,
    /// docs/mapper.md "Flattened unrollings") are searched, the best-utilized first. 4 by default: a flattened mapping
    /// costs milliseconds to evaluate (its input tiles are counted fold by fold), a thousand times an ordinary one.
    /// </summary>
    public int FlattenedCandidates { get; init; } = 4;

    /// <summary>
    /// The simulated pick (docs/mapper.md, "Simulated cycles"): at most this many mappings are simulated by the cycle-level
    /// simulator, those tied with the best objective (the fewest simulated cycles wins) or, under
    /// <see cref="Objective.LatencySim"/>, those whose analytical cycles do not exceed the best simulated. Lowest proven bound
    /// on the simulated cycles first; one whose bound reaches the best simulated is skipped (it cannot be faster).
    /// How many were met, simulated, skipped and left out by this cap is reported in <see cref="SearchStats"/>. 0 (the
    /// library default, so that sweeps and the test suite keep the analytical search's speed) turns the simulated pick off
    /// and the analytical tie-break alone decides; <c>accelsim map</c> and <c>accelsim run</c> use
    /// <see cref="DefaultSimulationCap"/>. latency-sim always simulates (<see cref="DefaultSimulationCap"/> when 0).
    /// </summary>
    public int SimulationCap { get; init; }

    /// <summary>
    /// When every unrolling is searched, one per mirror class: X and Y swapped at the fan-outs this names symmetric give the
    /// same counts (<see cref="SpatialCandidateMirrors"/>, docs/mapper.md "Mirrored unrollings"), so the result never
    /// changes. Null (tests) walks every twin; a predicate naming an asymmetric fan-out (tests) must be caught.
    /// </summary>
    internal Func<Architecture.Accelerator, int, bool>? MirrorSymmetric { get; init; } = SpatialCandidateMirrors.IsMirrorSymmetric;
    /// <summary>The cap <c>accelsim map</c> and <c>accelsim run</c> search with unless told otherwise.</summary>
    public const int DefaultSimulationCap = 64;

    /// <summary>
    /// The tie cut (docs/mapper.md, "Cutting ties the tie-breaks never need"), energy objective: a partial mapping none of
    /// whose completions can beat a work item's best, break its tie better, or enter its kept candidates is not walked.
    /// It never changes the result, only what is walked and the tie counts. On; off (tests) walks every tie.
    /// </summary>
    internal bool CutsTies { get; init; } = true;

    /// <summary>
    /// The inward move (docs/mapper.md, "The inward move"), with <see cref="BranchAndBound"/>, when the simulated pick is off:
    /// a factor of N, G, M or C at the level above the innermost that could move into another work item's innermost tiling
    /// is dominated by that item's mapping (no more energy, no more cycles), so it is not walked. It never changes the best
    /// energy and cycles; among mappings tied in both, the one returned can differ from an unpruned walk's. On; off (tests)
    /// walks them.
    /// </summary>
    internal bool MovesInward { get; init; } = true;

    /// <summary>latency-sim's second walk: collect every mapping whose objective is at most this, pruning against it.</summary>
    internal double? CollectWindow { get; init; }

    /// <summary>Random sampling instead of the exhaustive walk (for very large spaces); 0 = exhaustive.</summary>
    public long RandomSamples { get; init; }

    /// <summary>Seed of the random-sampling mode.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The counting rules mappings are evaluated with (AccelSim's by default; Timeloop's to reproduce its numbers).</summary>
    public CountingRules Counting { get; init; } = CountingRules.AccelSim;

    /// <summary>Worker threads (null = all cores). Results do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>Test hook: called with the candidates the simulated pick keeps, in the order it considers them.</summary>
    internal Action<IReadOnlyList<LoopMapping>>? OnSimulationCandidates { get; init; }

    /// <summary>Test hook: called with every evaluated mapping's counts (from worker threads; keep it thread-safe).</summary>
    internal Action<AccessCounts>? OnEvaluated { get; init; }
}
