using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>
/// The mappings one work item collects for the simulated pick: either those tied with the item's best objective (ties
/// mode: a better one clears the set), or every mapping whose objective is at most a fixed window (the latency-sim
/// objective's second walk). All are counted; at most <see cref="Capacity"/> are kept, the first in
/// <see cref="Candidate.Compare"/> order, so memory stays bounded and which ones are kept is deterministic.
/// </summary>
internal sealed class CandidateSet(int capacity, double? window)
{
    private readonly List<Candidate> _kept = [];
    private Candidate? _cutoff; // after a trim, the best candidate that was dropped: anything not before it is not kept

    /// <summary>Most candidates kept (the rest are only counted).</summary>
    public int Capacity { get; } = capacity;

    /// <summary>Candidates offered (tied with the item's best, or within the window), kept or not.</summary>
    public long Seen { get; private set; }

    /// <summary>The first candidate in order that was offered but not kept (null when every one was kept).</summary>
    public Candidate? Cutoff => _cutoff;

    /// <summary>
    /// The cutoff as of now, trimming first when more than <see cref="Capacity"/> are held (which candidates end up kept,
    /// and the final <see cref="Cutoff"/>, do not depend on when trims happen): a candidate met from now on that comes after
    /// it in <see cref="Candidate.Compare"/> order is neither kept nor the final cutoff (the walker's tie cut).
    /// </summary>
    public Candidate? CurrentCutoff()
    {
        if (_kept.Count > Capacity) Trim();
        return _cutoff;
    }

    /// <summary>The kept candidates, in <see cref="Candidate.Compare"/> order.</summary>
    public List<Candidate> Kept()
    {
        Trim();
        return _kept;
    }

    /// <summary>
    /// Offers an evaluated mapping whose objective is <paramref name="cost"/>; <paramref name="best"/> is the item's best
    /// before it (ties mode). <paramref name="simBound"/> is only called for a candidate, <paramref name="snapshot"/> only
    /// when it is kept.
    /// </summary>
    public void Offer(double cost, double best, long cycles, double tieBreak, int item, long ordinal, Func<double> simBound, Func<LoopMapping> snapshot)
    {
        if (window is { } limit)
        {
            if (cost > limit) return;
        }
        else
        {
            if (cost > best) return;
            if (cost < best) { _kept.Clear(); _cutoff = null; Seen = 0; }
        }
        Seen++;
        var probe = new Candidate(null!, cost, simBound(), cycles, tieBreak, item, ordinal);
        if (_cutoff is not null && Candidate.Compare(probe, _cutoff) >= 0) return;
        _kept.Add(probe with { Mapping = snapshot() });
        if (_kept.Count >= 2 * Math.Max(1, Capacity)) Trim();
    }

    // Keeps the first Capacity candidates in order and remembers the first one dropped.
    private void Trim()
    {
        _kept.Sort(Candidate.Compare);
        if (_kept.Count <= Capacity) return;
        _cutoff = _kept[Capacity];
        _kept.RemoveRange(Capacity, _kept.Count - Capacity);
    }
}
