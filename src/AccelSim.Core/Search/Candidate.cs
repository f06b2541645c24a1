using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>
/// A mapping kept for the simulated pick (<see cref="SimulatedPick"/>): its analytical figures and where the walk met it
/// (work item, then evaluation ordinal within the item: together the enumeration index, the same on any core count).
/// </summary>
internal sealed record Candidate(LoopMapping Mapping, double Cost, double SimBound, long Cycles, double TieBreak, int Item, long Ordinal)
{
    /// <summary>The order the kept set and the simulations follow: lowest bound on the simulated cycles first
    /// (<see cref="SimBound"/>: the analytical cycles or <see cref="Simulation.SimulatedCyclesBound"/>, whichever is higher;
    /// 0 for an imperfect mapping), then fewest analytical cycles, the analytical tie-break figure, the enumeration index.</summary>
    public static int Compare(Candidate a, Candidate b)
    {
        int c = a.SimBound.CompareTo(b.SimBound);
        if (c == 0) c = a.Cycles.CompareTo(b.Cycles);
        if (c == 0) c = a.TieBreak.CompareTo(b.TieBreak);
        if (c == 0) c = a.Item.CompareTo(b.Item);
        return c != 0 ? c : a.Ordinal.CompareTo(b.Ordinal);
    }
}
