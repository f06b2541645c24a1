using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Simulation;

/// <summary>
/// One run of the cycle-level simulator (docs/simulator.md). Walks the compute blocks in execution order; at every
/// block it recomputes the tile of each tensor at each level from the loop indices, and when a tile changed it moves
/// the words the new box does not share with the resident one (operands), or writes the old output tile back and
/// reloads the new one if it was resident before. Counts come from these box differences only; timing books each
/// transfer on the read port of its source and the write port of its destination. Repeated loop bodies are skipped in
/// closed form (SimulationEngine.Repeats.cs).
/// </summary>
internal sealed partial class SimulationEngine
{
    private const int O = (int)TensorKind.Outputs;
    private readonly ProblemShape _p;
    private readonly Accelerator _arch;
    private readonly SimulationOptions _options;
    private readonly NestLayout _n;
    private readonly LinkPorts _ports;
    private readonly AccessCounts _counts;
    private readonly int _levels;
    private readonly long _k;

    // Per tensor: the levels keeping it below DRAM, innermost last (the MAC, level L, is not in the list).
    private readonly int[][] _chain = new int[Tensors.Count][];
    private readonly int[][] _parentOf = new int[Tensors.Count][];   // [t][child 1..L]
    private readonly long[][] _distinct = new long[Tensors.Count][]; // [t][child]: distinct sibling tiles per parent instance
    private readonly int[][] _netOf = new int[Tensors.Count][];      // [t][child]: fan-out whose network carries the words
    private readonly long[][][] _extent = new long[Tensors.Count][][], _origin = new long[Tensors.Count][][], _next = new long[Tensors.Count][][];
    private readonly long[][] _tile = new long[Tensors.Count][];
    private readonly bool[] _doubleBuffered;
    private readonly bool[] _hasFifo;
    private readonly long[][] _fifoWords;    // [t][level]: stream FIFO depth, 0 without one
    private readonly long _skew;

    // Walk state.
    private readonly long[][] _dimOrigin; // [level][dim] origin of the level's tile (loops above the level)
    private readonly long[] _idx;
    private readonly bool[] _outputIrrelevant;
    private int _nonZeroIrrelevant;       // walked loops irrelevant to outputs with a non-zero index
    private readonly bool[] _changed = new bool[64];

    // Timing state per [t][level].
    private readonly Timed[][] _ready = new Timed[Tensors.Count][], _lastUse = new Timed[Tensors.Count][];
    private readonly Timed[][][] _slotFree = new Timed[Tensors.Count][][];
    private readonly long[][] _residency = new long[Tensors.Count][];
    private Timed _macFree = Timed.Zero;
    private long _pipelineTicks;
    private readonly long[,] _stallTicks;
    private readonly List<TransferRecord> _trace = [];
    private readonly PartialStep? _partial; // imperfect factors: per-instance clipped tiles (PartialStep.cs)
    private long _computeCycles;
    private long _walked; // compute blocks walked (not skipped as repeats)
    private bool _traceTruncated;

    public SimulationEngine(ProblemShape problem, Accelerator arch, LoopMapping mapping, SimulationOptions options)
    {
        _p = problem; _arch = arch; _options = options;
        _levels = arch.Levels.Count;
        _n = new NestLayout(arch, mapping);
        _ports = new LinkPorts(arch);
        _k = _ports.TicksPerCycle;
        _counts = new AccessCounts(_levels);
        _stallTicks = new long[_levels, Tensors.Count];
        _doubleBuffered = arch.Levels.Select(l => l.Storage.DoubleBuffered).ToArray();
        _hasFifo = arch.Levels.Select(l => l.Storage.StreamFifoWords is not null).ToArray();
        _fifoWords = Tensors.All.Select(t => arch.Levels.Select(l => l.Storage.StreamFifoWords?.GetValueOrDefault(t) ?? 0).ToArray()).ToArray();
        _skew = SystolicFold.Overhead(arch, mapping);
        if (PartialStep.Needed(problem, mapping)) _partial = new PartialStep(problem, arch, mapping, _n);

        foreach (var t in Tensors.All)
        {
            int ti = (int)t;
            _chain[ti] = Enumerable.Range(1, _levels - 1).Where(c => mapping.Levels[c].Keeps.Has(t)).ToArray();
            _parentOf[ti] = new int[_levels + 1];
            _distinct[ti] = new long[_levels + 1];
            _netOf[ti] = new int[_levels + 1];
            _extent[ti] = new long[_levels][]; _origin[ti] = new long[_levels][]; _next[ti] = new long[_levels][];
            _tile[ti] = new long[_levels];
            int parent = 0;
            foreach (int c in _chain[ti].Append(_levels))
            {
                _parentOf[ti][c] = parent;
                _distinct[ti][c] = SiblingTiles.Distinct(problem, arch, mapping, _n, t, parent, c, mergeAll: t == TensorKind.Outputs);
                _netOf[ti][c] = NearestFanout(parent, c);
                if (c < _levels)
                {
                    _extent[ti][c] = TileCoordinates.Extent(problem, t, _n.Extents[c]);
                    _tile[ti][c] = TileCoordinates.Volume(_extent[ti][c]);
                    _origin[ti][c] = new long[TileCoordinates.Rank];
                    _next[ti][c] = new long[TileCoordinates.Rank];
                }
                parent = c;
            }
            _ready[ti] = new Timed[_levels]; _lastUse[ti] = new Timed[_levels];
            _slotFree[ti] = new Timed[_levels][];
            for (int c = 0; c < _levels; c++) _slotFree[ti][c] = new Timed[2];
            _residency[ti] = new long[_levels];
        }

        _dimOrigin = new long[_levels][];
        for (int c = 0; c < _levels; c++) _dimOrigin[c] = new long[Dims.Count];
        _idx = new long[_n.LoopDim.Length];
        _outputIrrelevant = _n.LoopDim.Select(d => !Tensors.IsRelevant(TensorKind.Outputs, (Dim)d)).ToArray();
        if (_partial is null && !options.WalkEveryBody) EnableRepeats(); // imperfect mappings' bodies differ at the bounds: walked in full
    }

    private int NearestFanout(int parent, int child)
    {
        for (int k = child - 1; k >= parent; k--)
            if (_arch.Levels[k].Fanout is not null) return k;
        return -1;
    }

    public SimulationResult Run()
    {
        _counts.Macs = _p.Macs;
        int pending = int.MaxValue; // outermost level that advanced since the last block (steps past a bound are skipped)
        for (bool first = true; ; first = false)
        {
            if (++_walked > _options.MaxWalkedBlocks)
                throw new MappingException($"{_p}: the simulation would walk more than {_options.MaxWalkedBlocks:N0} of its {_n.Steps:N0} compute blocks, more than the limit (docs/simulator.md: repeated loop bodies are skipped, these did not repeat); use a smaller batch or layer");
            int changed = first ? -1 : Advance();
            bool past = false;
            if (_partial is not null)
            {
                pending = Math.Min(pending, changed);
                past = _partial.PastABound(_dimOrigin[_levels - 1]);
                if (!past) (changed, pending) = (pending, int.MaxValue);
            }
            if (!past)
            {
                StepOperand(TensorKind.Weights, changed, first);
                StepOperand(TensorKind.Inputs, changed, first);
                StepOutputs(changed, first);
                Block();
            }
            int next = NextToAdvance();
            // A jump ahead ends a body of the loop it skipped in, and may end one of an outer loop too.
            while (next >= 0 && _records is not null && AtBodyEnd(next)) next = NextToAdvance();
            if (next < 0) break;
        }
        long lastBlockEnd = _macFree.Ticks;
        var end = DrainOutputs(Timed.Zero);
        end = Timed.Max(end, _macFree);
        for (int i = 0; i < _levels; i++) end = Timed.Max(Timed.Max(end, _ports.ReadFree[i]), _ports.WriteFree[i]);
        // The tail after the last block is the outputs' way home.
        if (end.Ticks > lastBlockEnd) Charge(end.Level < 0 ? new Timed(end.Ticks, 0, TensorKind.Outputs) : end, end.Ticks - lastBlockEnd);
        return Result(end.Ticks);
    }

    // Odometer step of the walked loops; returns the level of the outermost loop that advanced.
    private int Advance()
    {
        for (int l = _idx.Length - 1; ; l--)
        {
            if (++_idx[l] < _n.LoopBound[l])
            {
                Shift(l, _n.LoopStep[l]);
                if (_outputIrrelevant[l] && _idx[l] == 1) _nonZeroIrrelevant++;
                return _n.LoopLevel[l];
            }
            Shift(l, -(_n.LoopBound[l] - 1) * _n.LoopStep[l]);
            if (_outputIrrelevant[l]) _nonZeroIrrelevant--;
            _idx[l] = 0;
        }
    }

    // A walked loop moved: every level below the loop's level sees its tile origin move along the loop's dim.
    private void Shift(int loop, long delta)
    {
        int d = _n.LoopDim[loop];
        for (int c = _n.LoopLevel[loop] + 1; c < _levels; c++) _dimOrigin[c][d] += delta;
    }

    // Computes the level's new tile origin into _next and says whether it differs from the resident one.
    private bool TileChanged(int t, int c, bool first)
    {
        TileCoordinates.Origin(_p, (TensorKind)t, _dimOrigin[c], _next[t][c]);
        return first || !_next[t][c].AsSpan().SequenceEqual(_origin[t][c]);
    }

    private void StepOperand(TensorKind tensor, int changed, bool first)
    {
        int t = (int)tensor;
        foreach (int c in _chain[t])
        {
            if (!first && c <= changed) continue;
            if (_partial is not null) { PartialFill(tensor, c, first); continue; }
            if (!TileChanged(t, c, first)) continue;
            long words = first ? _tile[t][c] : _tile[t][c] - TileCoordinates.Overlap(_origin[t][c], _next[t][c], _extent[t][c]);
            _next[t][c].CopyTo(_origin[t][c], 0);
            int p = _parentOf[t][c];
            _counts.At(p, tensor).Reads += words * _distinct[t][c] * _n.Used[p];
            _counts.At(c, tensor).Fills += words * _n.Used[c];
            if (_netOf[t][c] >= 0) _counts.NetworkWords(_netOf[t][c], tensor) += words * _n.Used[c];

            var slot = NewResidency(t, c, first, _lastUse[t][c], words);
            var end = Transfer(p, words * _distinct[t][c], c, words, slot, _ready[t][p], tensor, TransferKind.Fill, c);
            _ready[t][c] = end;
            _lastUse[t][c] = end;
        }
    }

    // StepOperand for an imperfect mapping: every instance's clipped tile (PartialStep); timing follows the busiest ones.
    private void PartialFill(TensorKind tensor, int c, bool first)
    {
        int t = (int)tensor, p = _parentOf[t][c];
        if (!first && !_partial!.Changed(tensor, c, _dimOrigin[c])) return;
        var (child, parent) = _partial!.Fill(tensor, p, c, _dimOrigin[c], _counts, _netOf[t][c]);
        var slot = NewResidency(t, c, first, _lastUse[t][c], child);
        var end = Transfer(p, parent, c, child, slot, _ready[t][p], tensor, TransferKind.Fill, c);
        _ready[t][c] = end;
        _lastUse[t][c] = end;
    }

    // The old residency's buffer is free at oldEnd; the new residency takes the other buffer when double-buffered. On a
    // single-buffered level with a stream FIFO, a change of at most the FIFO's depth streams in (or its drained outputs
    // stream out) while the old tile is still in use, like a second buffer; a larger one waits for both.
    private Timed NewResidency(int t, int c, bool first, Timed oldEnd, long words)
    {
        if (!first)
        {
            _slotFree[t][c][Slot(t, c)] = oldEnd;
            _residency[t][c]++;
        }
        var free = _slotFree[t][c][Slot(t, c)];
        if (_doubleBuffered[c] || !_hasFifo[c] || words <= _fifoWords[t][c]) return free;
        return Timed.Max(free, _slotFree[t][c][1 - Slot(t, c)]);
    }

    private int Slot(int t, int c) => _doubleBuffered[c] || _hasFifo[c] ? (int)(_residency[t][c] & 1) : 0;

    private void StepOutputs(int changed, bool first)
    {
        var chain = _chain[O];
        for (int i = 0; i < chain.Length; i++)
            _changed[i] = (first || chain[i] > changed)
                && (_partial is null ? TileChanged(O, chain[i], first) : first || _partial.Changed(TensorKind.Outputs, chain[i], _dimOrigin[chain[i]]));
        if (!first)
        {
            // Write-backs innermost first: a level drains into its parent before the parent drains further up.
            var inner = Timed.Zero;
            for (int i = chain.Length - 1; i >= 0; i--)
                if (_changed[i]) inner = WriteBack(chain[i], inner);
        }
        for (int i = 0; i < chain.Length; i++)
        {
            if (!_changed[i]) continue;
            int c = chain[i], p = _parentOf[O][c];
            _next[O][c].CopyTo(_origin[O][c], 0);
            var ready = NewResidency(O, c, first, _lastUse[O][c], _tile[O][c]);
            if (_partial is not null)
            {
                long taken = _partial.Reload(p, c, _dimOrigin[c], first || FirstVisit(c), _counts, _netOf[O][c]);
                if (taken > 0) ready = Transfer(p, taken, c, taken, ready, _ready[O][p], TensorKind.Outputs, TransferKind.Reload, c);
            }
            else if (!first && !FirstVisit(c))
            {
                long words = _tile[O][c], heads = _distinct[O][c] * _n.Used[p];
                _counts.At(p, TensorKind.Outputs).Reads += words * heads;
                _counts.At(c, TensorKind.Outputs).Fills += words * heads;
                if (_netOf[O][c] >= 0) _counts.NetworkWords(_netOf[O][c], TensorKind.Outputs) += words * heads;
                ready = Transfer(p, words * _distinct[O][c], c, words, ready, _ready[O][p], TensorKind.Outputs, TransferKind.Reload, c);
            }
            _ready[O][c] = ready;
            _lastUse[O][c] = ready;
        }
    }

    // The tile at level c is seen for the first time when every loop above c that does not index outputs is at 0
    // (execution order is lexicographic, so that is its earliest occurrence).
    private bool FirstVisit(int c)
    {
        for (int l = 0; l < _idx.Length && _n.LoopLevel[l] < c; l++)
            if (_outputIrrelevant[l] && _idx[l] != 0) return false;
        return true;
    }

    // Writes the resident output tile of level c back into its parent once its last use and the inner write-back are done.
    private Timed WriteBack(int c, Timed inner, bool final = false)
    {
        int p = _parentOf[O][c];
        if (_partial is not null)
        {
            var (child, parent) = _partial.WriteBack(p, c, final ? null : _dimOrigin[c], _counts, _netOf[O][c]);
            var done = Transfer(c, child, p, parent, _lastUse[O][c], inner, TensorKind.Outputs, TransferKind.WriteBack, c);
            _lastUse[O][c] = done;
            if (p > 0) _lastUse[O][p] = Timed.Max(_lastUse[O][p], done);
            return done;
        }
        long words = _tile[O][c];
        _counts.At(c, TensorKind.Outputs).Reads += words * _n.Used[c];
        _counts.At(p, TensorKind.Outputs).Updates += words * _distinct[O][c] * _n.Used[p];
        if (_netOf[O][c] >= 0) _counts.NetworkWords(_netOf[O][c], TensorKind.Outputs) += words * _n.Used[c];
        var end = Transfer(c, words, p, words * _distinct[O][c], _lastUse[O][c], inner, TensorKind.Outputs, TransferKind.WriteBack, c);
        _lastUse[O][c] = end;
        if (p > 0) _lastUse[O][p] = Timed.Max(_lastUse[O][p], end);
        return end;
    }

    private Timed DrainOutputs(Timed inner)
    {
        var chain = _chain[O];
        for (int i = chain.Length - 1; i >= 0; i--) inner = WriteBack(chain[i], inner, final: true);
        return inner;
    }

    // One compute block: waits for every resident tile, then runs its cycles (plus the systolic skew), stretched until
    // the ports that feed the MAC have served its words. It does not wait for those ports to be free: a port serves the
    // block after the transfers booked on it before (program order, as for transfers) while the MAC computes from data
    // already resident, so a write-back that only holds a port for its share of the link does not stop the MACs.
    private void Block()
    {
        long b = _n.BlockCycles;
        var start = _macFree;
        // Indexed loops, not foreach over Tensors.All: that enumerates an interface and allocated on every block.
        for (int t = 0; t < Tensors.Count; t++)
            foreach (int c in _chain[t]) start = Timed.Max(start, _ready[t][c]);

        int pw = _parentOf[(int)TensorKind.Weights][_levels], pi = _parentOf[(int)TensorKind.Inputs][_levels], po = _parentOf[O][_levels];
        long rw, ri, ro, wo;
        if (_partial is not null) (b, rw, ri, ro, wo) = PartialBlock(pw, pi, po);
        else
        {
            long newPoints = _nonZeroIrrelevant == 0 ? _n.InnermostOutputPoints : 0;
            long reloads = b - newPoints;
            rw = b * _distinct[(int)TensorKind.Weights][_levels]; ri = b * _distinct[(int)TensorKind.Inputs][_levels];
            ro = reloads * _distinct[O][_levels]; wo = b * _distinct[O][_levels];

            // Counts: the MAC reads every operand and updates its output every cycle.
            _counts.At(pw, TensorKind.Weights).Reads += rw * _n.Used[pw];
            _counts.At(pi, TensorKind.Inputs).Reads += ri * _n.Used[pi];
            _counts.At(po, TensorKind.Outputs).Reads += ro * _n.Used[po];
            _counts.At(po, TensorKind.Outputs).Updates += wo * _n.Used[po];
            long macWords = b * _n.Used[_levels];
            for (int t = 0; t < Tensors.Count; t++)
            {
                int net = _netOf[t][_levels];
                if (net >= 0) _counts.NetworkWords(net, (TensorKind)t) += macWords;
            }
            if (_netOf[O][_levels] >= 0) _counts.NetworkWords(_netOf[O][_levels], TensorKind.Outputs) += ro * _n.Used[po];
        }
        _computeCycles += b;

        // Feeding ports: reads of each operand's and the outputs' innermost level, updates of the outputs' one.
        Span<long> readWords = stackalloc long[_levels];
        readWords[pw] += rw; readWords[pi] += ri; readWords[po] += ro;
        if (start.Ticks > _macFree.Ticks) Charge(start, start.Ticks - _macFree.Ticks);

        long compute = (b + _skew) * _k, longest = compute;
        var slowest = new Timed(0, -1, TensorKind.Weights);
        for (int i = 0; i < _levels; i++)
        {
            long ticks = _ports.ReadTicks(i, readWords[i]);
            if (ticks == 0) continue;
            var tensor = i == pw && rw >= ri && rw >= ro ? TensorKind.Weights : i == pi && ri >= ro ? TensorKind.Inputs : i == po ? TensorKind.Outputs : TensorKind.Weights;
            long served = Serve(_ports.ReadFree[i], start, ticks, new Timed(0, i, tensor), ref slowest, ref longest);
            _ports.BookRead(i, served - ticks, ticks, new Timed(served, i, tensor));
        }
        long writeTicks = _ports.WriteTicks(po, wo);
        if (writeTicks > 0)
        {
            long served = Serve(_ports.WriteFree[po], start, writeTicks, new Timed(0, po, TensorKind.Outputs), ref slowest, ref longest);
            _ports.BookWrite(po, served - writeTicks, writeTicks, new Timed(served, po, TensorKind.Outputs));
        }
        if (longest > compute) Charge(slowest, longest - compute);
        _pipelineTicks += _skew * _k;

        _macFree = new Timed(start.Ticks + longest, -1, TensorKind.Weights);
        for (int t = 0; t < Tensors.Count; t++)
            foreach (int c in _chain[t]) _lastUse[t][c] = Timed.Max(_lastUse[t][c], _macFree);
    }

    // When a feeding port has served a block's words (ticks of them) that started at start: after what was booked on the
    // port before. A block that must wait for the port beyond its compute is blamed, as a transfer is, on whichever delayed
    // it more: the port's own time for its words (its level) or the earlier booking it queued behind (that booking's blame).
    private static long Serve(Timed portFree, Timed start, long ticks, Timed own, ref Timed slowest, ref long longest)
    {
        long from = Math.Max(start.Ticks, portFree.Ticks), span = from + ticks - start.Ticks;
        if (span > longest) (longest, slowest) = (span, ticks >= from - start.Ticks ? own : portFree);
        return from + ticks;
    }

    // Block for an imperfect mapping: counts every MAC point that exists; returns the block's cycles and the words per
    // parent instance that feed it (for the ports' timing).
    private (long Cycles, long Rw, long Ri, long Ro, long Wo) PartialBlock(int pw, int pi, int po)
    {
        var bc = _partial!.Block(_dimOrigin[_levels - 1], pw, pi, po, _nonZeroIrrelevant == 0);
        _counts.At(pw, TensorKind.Weights).Reads += bc.WeightReads;
        _counts.At(pi, TensorKind.Inputs).Reads += bc.InputReads;
        _counts.At(po, TensorKind.Outputs).Reads += bc.OutputReads;
        _counts.At(po, TensorKind.Outputs).Updates += bc.OutputUpdates;
        foreach (var t in Tensors.All)
        {
            int net = _netOf[(int)t][_levels];
            if (net >= 0) _counts.NetworkWords(net, t) += bc.Macs;
        }
        if (_netOf[O][_levels] >= 0) _counts.NetworkWords(_netOf[O][_levels], TensorKind.Outputs) += bc.OutputReads;
        static long Per(long words, long instances) => (words + instances - 1) / instances;
        return (bc.Cycles, Per(bc.WeightReads, _n.Used[pw]), Per(bc.InputReads, _n.Used[pi]), Per(bc.OutputReads, _n.Used[po]), Per(bc.OutputUpdates, _n.Used[po]));
    }

    private void Charge(Timed cause, long ticks)
    {
        int level = cause.Level < 0 ? 0 : cause.Level;
        _stallTicks[level, (int)cause.Tensor] += ticks;
    }

    // A transfer between a level read from and a level written to; each port is busy for its own share. It may start
    // once its buffer is free (baseline), its source holds the data (dependency) and both ports are free. Its end is
    // blamed on whichever delayed it more: its own duration (the slower port of the link) or the wait before it.
    private Timed Transfer(int from, long fromWords, int to, long toWords, Timed baseline, Timed dependency, TensorKind tensor, TransferKind kind, int named)
    {
        long dr = _ports.ReadTicks(from, fromWords), dw = _ports.WriteTicks(to, toWords);
        var start = Timed.Max(baseline, dependency);
        if (dr > 0) start = Timed.Max(start, _ports.ReadFree[from]);
        if (dw > 0) start = Timed.Max(start, _ports.WriteFree[to]);
        long d = Math.Max(dr, dw);
        var own = new Timed(start.Ticks + d, dr >= dw ? from : to, tensor);
        var end = d > 0 && d >= start.Ticks - baseline.Ticks ? own : start with { Ticks = start.Ticks + d };
        _ports.BookRead(from, start.Ticks, dr, end);
        _ports.BookWrite(to, start.Ticks, dw, end);
        if (_options.Trace)
        {
            if (_trace.Count < _options.MaxTraceRows)
                _trace.Add(new TransferRecord(_arch.Levels[named].Name, tensor, kind, kind == TransferKind.WriteBack ? fromWords : toWords,
                    (double)start.Ticks / _k, (double)end.Ticks / _k));
            else _traceTruncated = true;
        }
        return end;
    }

    private SimulationResult Result(long totalTicks)
    {
        long total = (totalTicks + _k - 1) / _k;
        var stalls = new List<StallRecord>();
        for (int i = 0; i < _levels; i++)
            foreach (var t in Tensors.All)
                if (_stallTicks[i, (int)t] > 0)
                    stalls.Add(new StallRecord(i, _arch.Levels[i].Name, t, (double)_stallTicks[i, (int)t] / _k));
        stalls.Sort((a, b) => b.Cycles.CompareTo(a.Cycles));
        var timelines = Enumerable.Range(0, _levels)
            .Select(i => new LevelTimeline(_arch.Levels[i].Name, (double)_ports.ReadBusy[i] / _k, (double)_ports.WriteBusy[i] / _k, total))
            .ToList();
        return new SimulationResult(_counts, total, _computeCycles, _pipelineTicks / _k, stalls, timelines, _trace, _traceTruncated)
        {
            WalkedBlocks = _walked,
        };
    }
}
