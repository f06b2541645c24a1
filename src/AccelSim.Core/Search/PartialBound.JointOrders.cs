using System.Numerics;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// The joint-order term of <see cref="PartialBound"/>. Each (tensor, child) term whose innermost relevant loop sits at a
/// fixed level k is bounded assuming level k's order puts that tensor's relevant loops outermost; one order cannot do that
/// for every tensor at once (M and C both looped at DRAM: inputs are refetched per M iteration or partial sums per C
/// iteration). For any order of level k, sort the tensors whose terms sit at k by the position of their innermost relevant
/// loop: the i-th one's loads include every loop relevant to it or to an earlier one, so its term is at least the term at
/// the product of that union. The least over the tensors' orderings (at most six) is thus a bound on every order of
/// level k, and its excess over the per-tensor terms is added (docs/mapper.md, "The bound").
/// </summary>
internal sealed partial class PartialBound
{
    // Charged: what the per-tensor term charged for it (TermEnergy at its own dims, without sweeps), priced once when recorded.
    private readonly record struct Term(TensorKind Tensor, int Parent, int Child, int Level, long Base, long Tile, long Floor, double Charged);

    private readonly Term[] _terms = new Term[3 * 9];
    private int _recorded;

    // Called when Loads found the term's innermost relevant loop at a fixed level (_lastLevel, _lastBase).
    // `charged` is the per-tensor term's energy (NaN: priced here, as TermEnergy at the tensor's own dims).
    private void Record(TensorKind tensor, int parent, int child, long tile, long floor, double charged)
    {
        if (_recorded == _terms.Length) return;
        var term = new Term(tensor, parent, child, _lastLevel, _lastBase, tile, floor, charged);
        _terms[_recorded++] = double.IsNaN(charged) ? term with { Charged = TermEnergy(term, UnionDims[1 << (int)tensor]) } : term;
    }

    private static int[] RelevantDims(TensorKind tensor) => tensor switch
    {
        TensorKind.Weights => WeightDims,
        TensorKind.Outputs => OutputDims,
        _ => PlaneDims,
    };

    // Term levels besides the fixed ones: none recorded, and the free levels taken together (FreeLevels).
    private const int NoLevel = -1, FreeLevels = -2;

    // The joint-order excess summed over the fixed levels (0 when no level holds the terms of two tensors), over level 0
    // while level 1 is partly chosen (its terms, RecordRestLevelTerms, bound every split of what level 1 leaves it), and over
    // the free levels taken together. The last: terms whose relevant loops are all at free levels see one nest of those
    // levels' loops (each dim's factors multiply to what is left of it, _rest); sorted by the position of their innermost
    // relevant loop in that nest, the i-th one's loads include every free loop relevant to it or to an earlier one, whatever
    // the split between the free levels, as at one fixed level (docs/mapper.md, "The bound").
    // Each level's excess is at least 0, so once their sum passes `budget` (what the caller's `enough` leaves) the rest
    // cannot change a pruning decision and is not computed.
    private double JointOrderExcess(double budget)
    {
        // Level 0's excess holds the terms from level 0 to level 1 together with others (partly chosen level 1), or is not
        // asked (free level 1): the top buffer's capacity floor may replace it (TopFloorExcess).
        double excess = TopFloorExcess(_partial == 1 ? ExcessAt(0) : 0);
        for (int k = _partial == 1 ? 1 : _fixedFrom; k < _levels && !(excess > budget); k++) excess += ExcessAt(k);
        if (FreeLevelsKnown && !(excess > budget)) excess += ExcessAt(FreeLevels);
        return excess;
    }

    // The joint-order excess of the terms recorded at level k; where the sliding-window conflict arises there
    // (PartialBound.SlidingConflict.cs), each ordering's total is the least over the sets S of sliding loops outside M.
    // A term's energy depends on the ordering only through the union of the tensors before it (and S for weights), so each
    // is computed once per call (Energy memo).
    private double ExcessAt(int k)
    {
        int present = 0;
        for (int t = 0; t < Tensors.Count; t++) _termCount[t] = 0;
        for (int i = 0; i < _recorded; i++)
            if (_terms[i].Level == k)
            {
                int t = (int)_terms[i].Tensor;
                present |= 1 << t;
                _termsOf[t * _terms.Length + _termCount[t]++] = i;
            }
        bool conflict = SlidingConflict(k, present);
        bool held = HeldConflict(k, present);
        // One tensor, no conflict and no sweeps: its own best order is reachable and the per-tensor term is its bound.
        if ((present & (present - 1)) == 0 && !conflict && !SweepsAt(k, present)) return 0;
        int loops = conflict || held ? SlidingLoops(k) : 0; // what a set S of sliding loops outside M can hold
        _memoStamp++;
        _loopedAt = LoopedMask(k);
        // What the per-tensor terms charged (no sweeps: Loads and OperandFills count plane loops only).
        double separate = 0;
        for (int t = 0; t < Tensors.Count; t++)
            for (int j = 0; j < _termCount[t]; j++) separate += _terms[_termsOf[t * _terms.Length + j]].Charged;
        double least = double.PositiveInfinity;
        for (int outside = 0; outside <= loops; outside++)
        {
            if ((outside & ~loops) != 0) continue;
            least = Math.Min(least, (conflict ? _slidingExtra[outside] : 0) + LeastOrdering(present, outside, held));
        }
        return Math.Max(0, least - separate);
    }

    // The least over the orderings of the tensors present of each one's terms at the union of it and the tensors before it
    // (the weights' also at the sliding dims of S, `outside`): over the subsets U of the tensors, the least of U's orderings
    // ends with some t of U, after the least ordering of the rest (a dynamic program: 12 terms for three tensors, where
    // the six orderings read 18).
    private double LeastOrdering(int present, int outside, bool held)
    {
        Span<double> least = stackalloc double[1 << Tensors.Count];
        least[0] = 0;
        for (int set = 1; set <= present; set++)
        {
            if ((set & ~present) != 0) continue;
            double best = double.PositiveInfinity;
            for (int m = set; m != 0; m &= m - 1)
            {
                int t = BitOperations.TrailingZeroCount(m);
                double energy = least[set & ~(1 << t)];
                for (int j = 0; j < _termCount[t]; j++)
                {
                    int i = _termsOf[t * _terms.Length + j];
                    energy += t == (int)TensorKind.Weights ? Energy(i, set, outside)
                        : held && t == (int)TensorKind.Inputs ? HeldEnergy(i, set, outside) : Energy(i, set, 0);
                }
                best = Math.Min(best, energy);
            }
            least[set] = best;
        }
        return least[present];
    }

    private readonly int[] _termCount = new int[Tensors.Count];        // ExcessAt: per tensor, its terms at the level
    private readonly int[] _termsOf = new int[Tensors.Count * 3 * 9];  // ... their indexes (tensor t's from t·|_terms|)

    private const int AllDims = (1 << Dims.Count) - 1;

    // The words a term's child instances are filled (or hold, outputs) when its loads are base·prefix (TermEnergy).
    private long TermVolume(in Term term, int dims, bool sweeps)
    {
        long volume = Math.Max(term.Level >= 0 && term.Level < _fixedFrom ? RestVolume(term, dims) : term.Tile * term.Base * PrefixOf(term.Tensor, term.Level, dims), term.Floor);
        if (sweeps && Sweeps(term)) volume = Math.Max(volume, SweptVolume(term, dims));
        return volume;
    }

    // TermEnergy of recorded term i at the dims of the tensors in `union` (plus the sliding dims of S for weights: `outside`),
    // memoized for one ExcessAt call (the stamp changes per call). A dim the term's level does not loop over multiplies
    // nothing (its factor, or each end of its range, is 1), so the memo is keyed by the looped dims alone: orderings whose
    // unions differ only elsewhere share one computation.
    private double Energy(int i, int union, int outside) => EnergyAt(i, (UnionDims[union] | SlidingMask(outside)) & _loopedAt);

    // TermEnergy (with sweeps) of recorded term i at `dims` (a mask within the level's looped dims), and its volume, memoized.
    private double EnergyAt(int i, int dims)
    {
        int slot = (i << Dims.Count) + dims;
        if (_memoAt[slot] == _memoStamp) return _memo[slot];
        _memoAt[slot] = _memoStamp;
        var term = _terms[i];
        long volume = _memoVolume[slot] = TermVolume(term, dims, sweeps: true);
        return _memo[slot] = PriceOf(term, volume);
    }

    // The volume EnergyAt priced (computed if not yet).
    private long VolumeAt(int i, int dims)
    {
        EnergyAt(i, dims);
        return _memoVolume[(i << Dims.Count) + dims];
    }

    // HeldInputsEnergy of recorded inputs term i at the dims of `union` for the set S `outside`, memoized as Energy.
    private double HeldEnergy(int i, int union, int outside)
    {
        int slot = (((i << Dims.Count) + (UnionDims[union] & _loopedAt)) << 2) + outside;
        if (_heldMemoAt[slot] == _memoStamp) return _heldMemo[slot];
        _heldMemoAt[slot] = _memoStamp;
        return _heldMemo[slot] = HeldInputsEnergy(i, UnionDims[union] & _loopedAt, outside);
    }

    private readonly double[] _heldMemo = new double[3 * 9 << Dims.Count << 2];
    private readonly long[] _heldMemoAt = new long[3 * 9 << Dims.Count << 2];

    private readonly double[] _memo = new double[3 * 9 << Dims.Count];
    private readonly long[] _memoVolume = new long[3 * 9 << Dims.Count];
    private readonly long[] _memoAt = new long[3 * 9 << Dims.Count];
    private long _memoStamp;
    private int _loopedAt; // LoopedMask of the level ExcessAt works on

    // The dims a level's loops can run over: a fixed level's factors above 1, the partly chosen level's largest, and for level 0
    // while level 1 is partly chosen (RestVolume) or the free levels together, what is left above the fixed ones.
    private int LoopedMask(int k)
    {
        int mask = 0;
        if (k == FreeLevels || k < _fixedFrom)
        {
            for (int d = 0; d < Dims.Count; d++) if (_rest[d] > 1) mask |= 1 << d;
            return mask;
        }
        var factors = FactorsAt(k);
        for (int d = 0; d < Dims.Count; d++) if (factors[d] > 1) mask |= 1 << d;
        return mask;
    }

    // The dims relevant to any tensor of the set (a mask over Dim).
    private static int DimsOf(int tensors)
    {
        int dims = 0;
        for (int t = 0; t < Tensors.Count; t++)
            if ((tensors & (1 << t)) != 0)
                foreach (int d in RelevantDims((TensorKind)t)) dims |= 1 << d;
        return dims;
    }

    // The product of level k's loops over the dims of the mask (at a partly chosen level: each dim's largest factor).
    private long Prefix(int k, int dims)
    {
        long product = 1;
        if (k == FreeLevels)
        {
            for (int m = dims & AllDims; m != 0; m &= m - 1) product *= _rest[BitOperations.TrailingZeroCount(m)];
            return product;
        }
        var factors = FactorsAt(k);
        for (int m = dims & AllDims; m != 0; m &= m - 1) product *= factors[BitOperations.TrailingZeroCount(m)];
        return product;
    }

    // The energy a term charges when its loads are base·prefix (the loops over `dims` at its level): the same traffic and
    // pricing as the per-tensor terms (OperandTraffic, OutputTraffic, Price).
    // With `sweeps`, an inputs term at a fixed level also counts what its sliding loops there sweep (SweptVolume).
    private double TermEnergy(in Term term, int dims, bool sweeps = false)
    {
        return PriceOf(term, TermVolume(term, dims, sweeps));
    }

    // The energy of a term whose child instances are filled (or hold, outputs) `volume` words.
    private double PriceOf(in Term term, long volume)
    {
        var traffic = term.Tensor == TensorKind.Outputs
            ? OutputTraffic(term.Parent, term.Child, volume)
            : OperandTraffic(term.Tensor, term.Parent, term.Child, volume);
        return Price(term.Tensor, term.Parent, term.Child, traffic);
    }
}
