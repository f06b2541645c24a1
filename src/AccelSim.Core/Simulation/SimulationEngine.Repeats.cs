using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// Skipping repeated loop bodies (docs/simulator.md, "Repeated bodies"). Every iteration j ≥ 1 of a walked loop's body
/// (the advance into it and every step inside it) makes the same transfers of the same words: tiles move by the same
/// offsets, the same output tiles are first visits or not. Time is a max-plus function of the state's time values, so
/// once p bodies in a row move every time value either by one δ &gt; 0 (with the same blame) or not at all, and every
/// value that stayed is earlier than every value that moved, each later group of p bodies does exactly the same again:
/// the values that stayed are never read again except as losers of a comparison (they stayed, so nothing wrote them, and
/// everything written is at least the earliest moved value), and every comparison between moved values keeps its outcome
/// under a common shift. The remaining groups are then added in closed form: δ per group on the moved values, the
/// group's increments on every count, stall and busy sum. The result is the walk's, to the tick.
/// </summary>
internal sealed partial class SimulationEngine
{
    private const int BodiesRecorded = 12;  // bodies of one run of a loop recorded before that run is walked plainly
    private const int FailedRunsAllowed = 8; // runs of a loop without a repeat before its repeats are no longer looked for

    private RepeatRecord[]? _records; // [walked loop]: its last body ends in the current run

    // The engine state at the end of one body: every time value and every running sum.
    private sealed class BodyEnd(int times, int sums)
    {
        public long Index = -1;
        public readonly Timed[] Times = new Timed[times];
        public readonly long[] Sums = new long[sums];
    }

    private sealed class RepeatRecord(int times, int sums)
    {
        public readonly BodyEnd[] Ends = [new(times, sums), new(times, sums), new(times, sums)];
        public int FailedRuns;
        public bool Skipped; // this run already jumped ahead
        public void Restart() { foreach (var e in Ends) e.Index = -1; Skipped = false; }
        public BodyEnd? At(long index) => index < 0 ? null : Ends[index % 3].Index == index ? Ends[index % 3] : null;
    }

    private int TimeCount => 4 * Tensors.Count * _levels + 2 * _levels + 1;
    private int SumCount => 6 * Tensors.Count * _levels + 2 * _levels + 2;

    private void EnableRepeats()
    {
        _records = new RepeatRecord[_idx.Length];
        for (int l = 0; l < _records.Length; l++) _records[l] = new RepeatRecord(TimeCount, SumCount);
    }

    // The innermost walked loop that has iterations left (every loop inside it is at its last index), or -1 at the end.
    private int NextToAdvance()
    {
        for (int l = _idx.Length - 1; l >= 0; l--)
            if (_idx[l] < _n.LoopBound[l] - 1) return l;
        return -1;
    }

    // Called when body _idx[loop] of a walked loop has just ended; says whether it jumped ahead.
    private bool AtBodyEnd(int loop)
    {
        var records = _records!;
        for (int l = loop + 1; l < records.Length; l++) records[l].Restart(); // inner loops start a new run
        var record = records[loop];
        long j = _idx[loop], last = _n.LoopBound[loop] - 1;
        if (record.Skipped || record.FailedRuns >= FailedRunsAllowed || j >= BodiesRecorded) return false;
        var now = record.Ends[j % 3];
        now.Index = j;
        Times(now.Times, null, 0);
        Sums(now.Sums, 0);
        for (int p = 1; p <= 2; p++)
        {
            var before = record.At(j - p);
            if (before is not null && TrySkip(loop, before, now, p))
            {
                record.Skipped = true;
                record.FailedRuns = 0;
                return true;
            }
        }
        if (j == last || j == BodiesRecorded - 1) record.FailedRuns++;
        return false;
    }

    // Bodies j-p+1..j (before → now) repeat: jumps over every further whole group of p bodies the loop has left.
    private bool TrySkip(int loop, BodyEnd before, BodyEnd now, int p)
    {
        long groups = (_n.LoopBound[loop] - 1 - now.Index) / p;
        if (groups == 0 || (_options.Trace && !_traceTruncated)) return false;
        long delta = now.Times[^1].Ticks - before.Times[^1].Ticks; // the MAC's free time moves with every block
        if (delta <= 0) return false;
        if (!SameSlots(before, now)) return false;

        var moved = new bool[now.Times.Length];
        long earliestMoved = long.MaxValue, latestKept = 0; // time zero stands for the engine's constants (Timed.Zero)
        for (int i = 0; i < moved.Length; i++)
        {
            Timed a = before.Times[i], b = now.Times[i];
            if (a == b) latestKept = Math.Max(latestKept, a.Ticks);
            else if (b.Ticks - a.Ticks == delta && b.Level == a.Level && b.Tensor == a.Tensor)
            {
                moved[i] = true;
                earliestMoved = Math.Min(earliestMoved, a.Ticks);
            }
            else return false;
        }
        if (latestKept >= earliestMoved) return false;

        var increments = new long[now.Sums.Length];
        for (int i = 0; i < increments.Length; i++) increments[i] = now.Sums[i] - before.Sums[i];
        Times(now.Times, moved, checked(groups * delta));
        Sums(increments, groups);

        long bodies = checked(groups * p);
        _idx[loop] += bodies;
        Shift(loop, checked(bodies * _n.LoopStep[loop]));
        _nonZeroIrrelevant = 0;
        for (int l = 0; l < _idx.Length; l++)
            if (_outputIrrelevant[l] && _idx[l] != 0) _nonZeroIrrelevant++;
        // A kept tile is always the tile of its level's current origin (it is recomputed whenever that origin moves).
        foreach (var t in Tensors.All)
            foreach (int c in _chain[(int)t])
                TileCoordinates.Origin(_p, t, _dimOrigin[c], _origin[(int)t][c]);
        return true;
    }

    // Levels that alternate buffers pick the next one by the parity of their residencies: it must be the same.
    private bool SameSlots(BodyEnd before, BodyEnd now)
    {
        int first = SumCount - Tensors.Count * _levels;
        for (int t = 0; t < Tensors.Count; t++)
            for (int c = 0; c < _levels; c++)
            {
                int i = first + t * _levels + c;
                if ((_doubleBuffered[c] || _hasFifo[c]) && ((now.Sums[i] - before.Sums[i]) & 1) != 0) return false;
            }
        return true;
    }

    // Every time value of the engine in a fixed order: copied into values (moved null), or those marked moved later by ticks.
    private void Times(Timed[] values, bool[]? moved, long ticks)
    {
        int i = 0;
        for (int t = 0; t < Tensors.Count; t++)
            for (int c = 0; c < _levels; c++)
            {
                Visit(ref _ready[t][c]); Visit(ref _lastUse[t][c]);
                Visit(ref _slotFree[t][c][0]); Visit(ref _slotFree[t][c][1]);
            }
        for (int c = 0; c < _levels; c++) { Visit(ref _ports.ReadFree[c]); Visit(ref _ports.WriteFree[c]); }
        Visit(ref _macFree); // last: TrySkip reads δ from it

        void Visit(ref Timed x)
        {
            if (moved is null) values[i] = x;
            else if (moved[i]) x = x with { Ticks = checked(x.Ticks + ticks) };
            i++;
        }
    }

    // Every running sum of the engine in a fixed order: copied into values (factor 0), or raised by factor × values.
    // Residencies come last (SameSlots).
    private void Sums(long[] values, long factor)
    {
        int i = 0;
        for (int c = 0; c < _levels; c++)
            foreach (var t in Tensors.All)
            {
                ref var counts = ref _counts.At(c, t);
                counts = new TensorCounts(Visit(counts.Reads), Visit(counts.Fills), Visit(counts.Updates));
                ref long network = ref _counts.NetworkWords(c, t);
                network = Visit(network);
                _stallTicks[c, (int)t] = Visit(_stallTicks[c, (int)t]);
            }
        for (int c = 0; c < _levels; c++)
        {
            _ports.ReadBusy[c] = Visit(_ports.ReadBusy[c]);
            _ports.WriteBusy[c] = Visit(_ports.WriteBusy[c]);
        }
        _pipelineTicks = Visit(_pipelineTicks);
        _computeCycles = Visit(_computeCycles);
        for (int t = 0; t < Tensors.Count; t++)
            for (int c = 0; c < _levels; c++) _residency[t][c] = Visit(_residency[t][c]);

        long Visit(long v)
        {
            if (factor == 0) { values[i++] = v; return v; }
            return checked(v + factor * values[i++]);
        }
    }
}
