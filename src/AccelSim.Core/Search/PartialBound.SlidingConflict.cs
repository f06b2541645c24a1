using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// The sliding-window conflict of <see cref="PartialBound"/>'s joint-order term. The inputs' terms count a tile change only
/// for plane loops (N, G, C; a P or Q advance keeps its halo), so an input tile with no plane loop above it is charged once
/// per plane whatever the order. But at a fixed level k with an M loop (irrelevant to inputs, relevant to weights) and P or
/// Q loops (sliding for inputs, irrelevant to weights), level k's order puts each of those sliding loops inside M or
/// outside it, and each choice has a cost. For the set S of sliding loops of level k outside M:
/// <list type="bullet">
/// <item>every sliding loop of level k inside M is swept again in each M iteration: the input tile of every level below k
/// then visits, among others, the windows at each of that loop's f positions (the loops below at their first index),
/// whose union is h + (f − 1)·min(h, step) input rows (P) or columns (Q) of its planes; at most one tile of it is resident
/// when the iteration starts, so each of the base·f_M iterations of M (base: every loop above level k) fills at least
/// that union less one tile;</item>
/// <item>M is relevant to weights, so the weights' innermost relevant loop is at or inside M: every loop of S multiplies the
/// loads of every weights term whose innermost relevant loop is at level k (one more dim in its ordering union).</item>
/// </list>
/// Every order of level k has one S, and for it the joint ordering argument still holds, so the least over the orderings
/// and the sets S bounds every order (docs/mapper.md, "The sliding-window conflict"). Only inputs terms that no level's
/// joint term holds (no plane loop at a fixed level above their tile) get the refill charge, so no term's excess is counted
/// twice. While a level is partly chosen, the conflict is taken at that level from its chosen factors and, when it is level
/// 1, at level 0 from the least factors level 1 leaves it (RestAbove): every count the argument uses only grows with the
/// factors, the tiles and the loops above (docs/mapper.md, "The bound on a partly chosen level").
/// </summary>
internal sealed partial class PartialBound
{
    private readonly record struct SlidingInputs(int Parent, int Child, long Charged);

    private readonly SlidingInputs[] _slidingInputs = new SlidingInputs[9];
    private int _slidingCount;
    private readonly double[] _slidingExtra = new double[4]; // [S]: bit 1 P outside M, bit 2 Q outside M (NaN: not a choice)

    // Called for an inputs term that no joint term holds (AddOperand): its child tile is fixed (or partly chosen: its least
    // tile), below some fixed level.
    private void RecordSlidingInputs(int parent, int child, long charged)
    {
        if (child < _levels && child >= _fixedFrom && _slidingCount < _slidingInputs.Length)
            _slidingInputs[_slidingCount++] = new SlidingInputs(parent, child, charged);
    }

    // True when level k's loops are known well enough for the conflict: a fixed level, the partly chosen one (its chosen
    // factors, 1 for the dims not chosen yet: at most a completion's), or level 0 while level 1 is partly chosen (it takes
    // what level 1 leaves: at least RestAbove per dim).
    private bool ConflictLevel(int k) => _partial < 0 ? k >= _fixedFrom : k == _partial || (_partial == 1 && k == 0);

    // Level k's loop over d as ConflictLevel knows it: at most the factor of every completion. For the free levels taken
    // together (FreeLevels), the product of their loops over d: what is left of it.
    private long LeastFactor(int k, int d) => k == FreeLevels ? _rest[d] : _partial == 1 && k == 0 ? RestAbove(d) : _temporal[k][d];

    // The least step of level k's loop over d: the next level's tile and level k's fan-out in d. For the free levels taken
    // together, the innermost one's (an outer free level steps over the tile of the one inside it, no smaller).
    private long Step(int k, int d) => k == FreeLevels
        ? _ext[_fixedFrom][d] * _spatialProduct[_fixedFrom - 1][d]
        : _ext[k + 1][d] * _spatialProduct[k][d];

    // True for the free levels taken together while every fixed level is complete (their joint-order term exists).
    private bool FreeNest(int k) => k == FreeLevels && FreeLevelsKnown;

    // Fills _slidingExtra with the inputs' extra energy over their charges for each set S of level k's sliding loops outside
    // M; false when the conflict does not arise at k (no M loop, no P or Q loop, no weights term recorded at k, or no
    // recorded inputs term below k).
    private bool SlidingConflict(int k, int present)
    {
        if (k < 0 || !ConflictLevel(k) || (present & (1 << (int)TensorKind.Weights)) == 0) return false;
        long fm = LeastFactor(k, (int)Dim.M);
        int loops = SlidingLoops(k);
        if (fm <= 1 || loops == 0) return false;
        bool any = false;
        for (int i = 0; i < _slidingCount && !any; i++) any = _slidingInputs[i].Child > k;
        if (!any) return false;
        long iterations = LoopsAbove(k) * fm;
        for (int outside = 0; outside < 4; outside++)
            _slidingExtra[outside] = (outside & ~loops) != 0 ? double.NaN : SlidingRefills(k, iterations, loops & ~outside);
        return true;
    }

    // The sliding loops of level k as ConflictLevel knows them (bit 1 P, bit 2 Q): what a set S can hold.
    private int SlidingLoops(int k) => (LeastFactor(k, (int)Dim.P) > 1 ? 1 : 0) | (LeastFactor(k, (int)Dim.Q) > 1 ? 2 : 0);

    // True when the conflict arises for inputs terms the joint term holds at level k, a fixed or the partly chosen one: level
    // k loops over M and over P or Q, and both weights and inputs have terms there (HeldInputsEnergy).
    private bool HeldConflict(int k, int present) =>
        (k >= _fixedFrom || FreeNest(k)) && (present & InputsAndWeights) == InputsAndWeights
        && LeastFactor(k, (int)Dim.M) > 1 && SlidingLoops(k) != 0;

    private const int InputsAndWeights = (1 << (int)TensorKind.Inputs) | (1 << (int)TensorKind.Weights);

    // The energy of an inputs term at level k whose innermost plane loop p sits inside the loops of `dims` (the ordering's
    // union), when level k loops over M and the sliding loops of S (`outside`) are outside M, those of level k not in S inside
    // it (the wound ones). Either M is outside p, and so is every loop of S: they join the dims (the term's sweeps of the
    // rest, SweptVolume, as before). Or M is inside p (possible only when neither M nor a wound loop is in `dims`): then
    // each iteration of the loops at or outside p starts a new plane and runs M, and the loops of S not in `dims` that sit
    // between p and M, at least f_M times; each such run sweeps the wound loops, whose windows cover SweptWords, with at most
    // one tile resident at its start, and the first run of the plane has none: at least F·(swept − tile) + tile words, F
    // the runs (f_M times the S loops not in `dims`: an S loop outside p multiplies the iterations instead, which is no
    // less). The least of the two cases (either may be the order's). At the partly chosen level the chosen factors count
    // (at most any completion's) and the loops above it their least product, as everywhere there.
    private double HeldInputsEnergy(int i, int dims, int outside)
    {
        ref readonly var term = ref _terms[i];
        int k = term.Level;
        if (term.Child >= _levels) return EnergyAt(i, dims);
        int sliding = SlidingMask(outside);
        double mOutside = EnergyAt(i, (dims | sliding | 1 << (int)Dim.M) & _loopedAt);
        int wound = SlidingLoops(k) & ~outside;
        if ((dims & (1 << (int)Dim.M)) != 0 || (dims & SlidingMask(wound)) != 0) return mOutside;
        long runs = LeastFactor(k, (int)Dim.M);
        if ((sliding & ~dims & (1 << (int)Dim.P)) != 0) runs *= LeastFactor(k, (int)Dim.P);
        if ((sliding & ~dims & (1 << (int)Dim.Q)) != 0) runs *= LeastFactor(k, (int)Dim.Q);
        long swept = SweptWords(k, term.Child, term.Tile, wound);
        long volume = Math.Max(VolumeAt(i, dims), term.Base * PrefixOf(term.Tensor, k, dims) * (runs * (swept - term.Tile) + term.Tile));
        double mInside = PriceOf(term, volume);
        return Math.Min(mOutside, mInside);
    }

    // The inputs' extra energy when the sliding loops of level k in `wound` (bit 1 P, bit 2 Q) are inside M, which runs
    // `iterations` times.
    private double SlidingRefills(int k, long iterations, int wound)
    {
        if (wound == 0) return 0;
        double extra = 0;
        for (int i = 0; i < _slidingCount; i++)
        {
            var term = _slidingInputs[i];
            if (term.Child <= k) continue;
            long tile = TileMath.TileSize(_problem, TensorKind.Inputs, _ext[term.Child]);
            long volume = tile + iterations * (SweptWords(k, term.Child, tile, wound) - tile);
            if (volume <= term.Charged) continue;
            extra += Price(TensorKind.Inputs, term.Parent, term.Child, OperandTraffic(TensorKind.Inputs, term.Parent, term.Child, volume))
                - Price(TensorKind.Inputs, term.Parent, term.Child, OperandTraffic(TensorKind.Inputs, term.Parent, term.Child, term.Charged));
        }
        return extra;
    }

    // The words the input tile of `child` (of `tile` words) covers over the positions of level k's sliding loops in `swept`
    // (bit 1 P, bit 2 Q; the loops below at their first index): its planes times the swept rows times the swept columns.
    private long SweptWords(int k, int child, long tile, int swept)
    {
        var ext = _ext[child];
        long h = TileMath.InputRows(_problem, ext), w = TileMath.InputColumns(_problem, ext);
        long rows = (swept & 1) != 0 ? Swept(k, Dim.P, _problem.StrideH, h) : h;
        long columns = (swept & 2) != 0 ? Swept(k, Dim.Q, _problem.StrideW, w) : w;
        return tile / (h * w) * rows * columns;
    }

    // The input rows (or columns) the windows of `extent` lines at the f positions of level k's loop over `dim` cover
    // together: one step of the loop spans the next level's tile and level k's fan-out in that dim, times the stride.
    private long Swept(int k, Dim dim, int stride, long extent) =>
        extent + (LeastFactor(k, (int)dim) - 1) * Math.Min(extent, Step(k, (int)dim) * stride);


    // True when the inputs terms recorded at level k can count sweeps: inputs there, some P or Q loop at k, level k fixed.
    private bool SweepsAt(int k, int present) =>
        (present & (1 << (int)TensorKind.Inputs)) != 0 && ((k >= _fixedFrom && k != _partial) || FreeNest(k))
        && (LeastFactor(k, (int)Dim.P) > 1 || LeastFactor(k, (int)Dim.Q) > 1);

    private bool Sweeps(in Term term) => term.Tensor == TensorKind.Inputs && term.Child < _levels && SweepsAt(term.Level, 1 << (int)TensorKind.Inputs);

    // An inputs term whose innermost plane loop p is at fixed level k, in an ordering where the loops of `dims` sit at or
    // outside p: each P or Q loop of level k not in `dims` is outside p (a full reload per iteration: p, a plane loop, is
    // wound inside it) or inside p (swept within each iteration of the loops at or outside p, each of which starts a new
    // plane, so none of it is resident: each fills at least the windows at that loop's f positions, Swept). The least over
    // the two choices of each such loop, times the loops at or outside p.
    private long SweptVolume(in Term term, int dims)
    {
        int k = term.Level;
        int free = 0; // sliding loops of level k not in dims: bit 1 P, bit 2 Q
        if (LeastFactor(k, (int)Dim.P) > 1 && (dims & (1 << (int)Dim.P)) == 0) free |= 1;
        if (LeastFactor(k, (int)Dim.Q) > 1 && (dims & (1 << (int)Dim.Q)) == 0) free |= 2;
        long least = long.MaxValue;
        for (int outside = 0; outside < 4; outside++)
        {
            if ((outside & ~free) != 0) continue;
            least = Math.Min(least, term.Base * PrefixOf(term.Tensor, k, dims | SlidingMask(outside)) * SweptWords(k, term.Child, term.Tile, free & ~outside));
        }
        return least;
    }

    // The sliding dims of a set S (bit 1 P, bit 2 Q) as a dim mask.
    private static int SlidingMask(int outside) => ((outside & 1) != 0 ? 1 << (int)Dim.P : 0) | ((outside & 2) != 0 ? 1 << (int)Dim.Q : 0);
}
