using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Simulation;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// Picks, among the candidates the walk collected (the mappings tied with the best objective, or latency-sim's window),
/// the one with the fewest cycles in the cycle-level simulator. Candidates are simulated in <see cref="Candidate.Compare"/>
/// order (lowest bound on the simulated cycles first); one whose bound already reaches the best simulated is skipped
/// without simulating it, which is exact: the simulator's total is never below the analytical cycles of a perfectly
/// factorized mapping (compute plus systolic skew, and every level's bandwidth time; SimulatorAgreementTests) nor below
/// <see cref="SimulatedCyclesBound"/> (SimulatedCyclesBoundTests), and on equal simulated cycles the earlier candidate in
/// that order wins. Imperfect mappings have no proven bound and are always simulated.
/// </summary>
internal static class SimulatedPick
{
    /// <summary>What the pick did: the winner (null when none could be simulated) and the counts the statistics report.</summary>
    public sealed record Outcome(Candidate? Winner, long WinnerCycles, long Candidates, long Simulated, long Skipped, long Capped, long TooLong, bool Proven);

    /// <summary>
    /// Gathers the work items' candidates (in ties mode only those of the items whose best is <paramref name="bestCost"/>),
    /// keeps the first <see cref="MapperOptions.SimulationCap"/> in order and simulates them.
    /// </summary>
    public static Outcome Run(ProblemShape problem, Accelerator arch, IEnumerable<Mapper.WorkResult> results, double? bestCost, MapperOptions options)
    {
        int capacity = options.SimulationCap;
        var pool = new List<Candidate>();
        long seen = 0;
        Candidate? cutoff = null; // the first candidate in order that was met but not kept
        foreach (var r in results)
        {
            if (r.Candidates is not { } set || (bestCost is { } b && r.BestCost != b)) continue;
            seen += set.Seen;
            pool.AddRange(set.Kept());
            if (set.Cutoff is { } c && (cutoff is null || Candidate.Compare(c, cutoff) < 0)) cutoff = c;
        }
        pool.Sort(Candidate.Compare);
        if (pool.Count > capacity)
        {
            if (cutoff is null || Candidate.Compare(pool[capacity], cutoff) < 0) cutoff = pool[capacity];
            pool.RemoveRange(capacity, pool.Count - capacity);
        }

        options.OnSimulationCandidates?.Invoke(pool.Select(c => c.Mapping).ToList());
        Candidate? winner = null;
        long winnerCycles = long.MaxValue, simulated = 0, skipped = 0, tooLong = 0;
        foreach (var c in pool)
        {
            // SimBound is a proven bound (0 when none is); on equal simulated cycles the earlier candidate wins.
            if (winner is not null && c.SimBound * (1 - 1e-12) >= winnerCycles) { skipped++; continue; }
            if (new NestLayout(arch, c.Mapping).Steps > CycleSimulator.MaxSteps) { tooLong++; continue; }
            long cycles = CycleSimulator.Run(problem, arch, c.Mapping).TotalCycles;
            simulated++;
            if (cycles < winnerCycles) (winner, winnerCycles) = (c, cycles);
        }
        // Proven when nothing left out by the cap could have been faster: every such candidate's analytical cycles (at
        // least the cutoff's) already reach the winner's simulated cycles (a bound only for perfect factors).
        bool proven = tooLong == 0 && (cutoff is null || (winner is not null && !options.ImperfectFactors && cutoff.SimBound * (1 - 1e-12) >= winnerCycles));
        return new Outcome(winner, winner is null ? 0 : winnerCycles, seen, simulated, skipped, seen - pool.Count, tooLong, proven);
    }
}
