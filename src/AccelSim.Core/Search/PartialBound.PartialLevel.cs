using System.Numerics;
using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Search;

/// <summary>
/// The bound of <see cref="PartialBound"/> while one level's factors are only partly chosen (the walker enumerates a level
/// dim by dim): each dim of that level is known to lie between its chosen factor and a largest one (what is left of it, for a
/// dim not chosen yet), and the bound is at most the energy and cycles of every completion with factors in those ranges
/// (docs/mapper.md, "The bound on a partly chosen level"):
/// <list type="bullet">
/// <item>the level's own tiles are charged as a free level's, from the chosen (smallest) extents: every term grows with them;</item>
/// <item>a lower level whose innermost relevant loop is a chosen factor of the level reloads at least once per relevant
/// iteration of the level times every loop above it, the dims not chosen yet counted at their largest factor there;</item>
/// <item>when the level is level 1, level 0 takes what it leaves: the joint-order term of level 0 is kept, each term at the
/// least its volume reaches over every split of the dims not chosen yet (per dim, or per sliding pair, an endpoint).</item>
/// </list>
/// </summary>
internal sealed partial class PartialBound
{
    private int _partial = -1;    // the partly chosen level (-1: none)
    private int[] _high = null!;  // at _partial, per dim: the largest factor a completion can give it (the chosen one if chosen)

    /// <summary>
    /// The bound for levels <paramref name="level"/>+1..L−1 fixed in <paramref name="temporal"/> and level
    /// <paramref name="level"/> partly chosen: <paramref name="temporal"/>[level][d] is the least factor of dim d there (the
    /// chosen one, or 1) and <paramref name="high"/>[d] the largest (equal when chosen), a divisor of what is left of d for
    /// the levels from 0 to <paramref name="level"/>. Perfect factors only, as <see cref="Of"/>.
    /// </summary>
    public double OfPartialLevel(int level, int[] high, int[][] temporal, int[][] spatialX, int[][] spatialY, TensorSet[] keeps,
        out long cycles, double enough = double.PositiveInfinity)
    {
        _partial = level;
        _high = high;
        PrepareOpenInnermost(level, high, temporal);
        try { return Of(level, temporal, spatialX, spatialY, keeps, out cycles, enough); }
        finally { _partial = -1; _openInnermost = 0; }
    }

    // The largest factor of every dim at fixed level k (at the partly chosen level, each range's top).
    private int[] FactorsAt(int k) => k == _partial ? _high : _temporal[k];

    // The least product of the loops above the partly chosen level in dim d: what is left there over the level's largest factor
    // (PrepareRestAbove, once per call: the terms ask for it many times).
    private long RestAbove(int d) => _restAbove[d];

    private readonly long[] _restAbove = new long[Dims.Count];
    private long _restAboveProduct; // RestAbove over every dim multiplied: the least product of the loops above the level
    private readonly long[] _unitExtent = new long[Dims.Count]; // UnitExtent per dim, with level 1 partly chosen

    // After Prepare, with a level partly chosen: RestAbove per dim and, when it is level 1, UnitExtent.
    private void PrepareRestAbove()
    {
        var low = _temporal[_partial];
        long product = 1;
        for (int d = 0; d < Dims.Count; d++) product *= _restAbove[d] = _rest[d] / (_high[d] / low[d]);
        _restAboveProduct = product;
        if (_partial == 1) for (int d = 0; d < Dims.Count; d++) _unitExtent[d] = _ext[1][d] / low[d];
    }

    // With level 1 partly chosen, level 0 takes what it leaves. A tensor whose first keeper below level 0 has no relevant loop
    // at the levels from 1 down to just above it (none when level 1 is that keeper: its own loops are not above its tile),
    // whatever is chosen, while level 0 has one, whatever is chosen, has its innermost relevant loop at level 0: its term
    // joins level 0's joint-order term (a term whose level is not certain is left out, which only lowers the excess). Its
    // per-tensor charge is the free level's, which is its least volume at its own dims (RestVolume).
    private void RecordRestLevelTerms()
    {
        foreach (var tensor in Tensors.All)
        {
            int child = 1;
            while (child < _levels && !_keeps[child].Has(tensor)) child++;
            if (child == _levels) continue; // the MAC: one operand per iteration, whatever the order
            var relevant = RelevantDims(tensor);
            bool inner = false, outer = false;
            foreach (int d in relevant)
            {
                if (child > 1 && _high[d] > 1) inner = true;
                for (int k = 2; k < child; k++) if (_temporal[k][d] > 1) inner = true;
                if (RestAbove(d) > 1) outer = true;
            }
            if (inner || !outer) continue;
            _lastLevel = 0;
            _lastBase = 1;
            Record(tensor, 0, child, child > 1 ? TileMath.TileSize(_problem, tensor, _ext[child]) : 0, tensor == TensorKind.Inputs ? InputFloor(child) : 0, double.NaN);
        }
    }

    // The least volume of a level-0 term (tile times level 0's loops over `dims`) over every split of the dims not chosen yet
    // between levels 1 and 0. Below level 1 the tile is fixed and each loop at least its least. For level 1 itself, per dim
    // the volume is a factor (extent if relevant)^a · (level 0's loop if in dims)^b, monotone in level 1's factor, so least at
    // an end of its range; a sliding pair's input extent times its loops is monotone in each factor, so least at a corner.
    private long RestVolume(in Term term, int dims)
    {
        long volume = term.Child > 1 ? term.Tile : 1;
        if (term.Child > 1)
        {
            for (int m = dims & AllDims; m != 0; m &= m - 1) volume *= RestAbove(BitOperations.TrailingZeroCount(m));
            return volume;
        }
        int relevant = UnionDims[1 << (int)term.Tensor]; // inputs: their planes (N, G, C); P, R, Q, S as sliding pairs below
        bool inputs = term.Tensor == TensorKind.Inputs;
        // A dim neither relevant nor looped over contributes 1 at either end; the sliding dims of inputs come in pairs below.
        int asked = (relevant | dims) & (inputs ? AllDims & ~SlidingDims : AllDims);
        var low = _temporal[1];
        for (int m = asked; m != 0; m &= m - 1)
        {
            int d = BitOperations.TrailingZeroCount(m);
            bool extent = (relevant & (1 << d)) != 0, loop = (dims & (1 << d)) != 0;
            long atLow = RestSplit(d, low[d], extent, loop);
            volume *= low[d] == _high[d] ? atLow : Math.Min(atLow, RestSplit(d, _high[d], extent, loop));
        }
        if (inputs)
        {
            volume *= SlidingCorner(Dim.P, Dim.R, _problem.StrideH, _problem.DilationH, dims);
            volume *= SlidingCorner(Dim.Q, Dim.S, _problem.StrideW, _problem.DilationW, dims);
        }
        return volume;
    }

    private const int SlidingDims = (1 << (int)Dim.P) | (1 << (int)Dim.R) | (1 << (int)Dim.Q) | (1 << (int)Dim.S);

    // Level 1's extent in d when its factor is f (if `extent`) times level 0's loop then (if `loop`): f is an end of the
    // range, so level 0 takes what is left at level 1's least factor (_rest) or at its largest (RestAbove).
    private long RestSplit(int d, long f, bool extent, bool loop) =>
        (extent ? UnitExtent(d) * f : 1) * (loop ? (f == _temporal[1][d] ? _rest[d] : RestAbove(d)) : 1);

    // Level 1's extent in d per unit of its own factor (the tile below times the fan-outs of levels 1 and below).
    private long UnitExtent(int d) => _unitExtent[d];

    // The least over the corners of an output/filter pair's ranges of the input extent times level 0's loops in `dims`.
    private long SlidingCorner(Dim output, Dim filter, int stride, int dilation, int dims)
    {
        int o = (int)output, f = (int)filter;
        long least = long.MaxValue;
        // A range of one factor has one end: its corners repeat.
        var low = _temporal[1];
        int outputEnds = low[o] == _high[o] ? 1 : 2, filterEnds = low[f] == _high[f] ? 1 : 2;
        for (int i = 0; i < outputEnds; i++)
            for (int j = 0; j < filterEnds; j++)
            {
                long fo = i == 0 ? low[o] : _high[o], ff = j == 0 ? low[f] : _high[f];
                long v = TileMath.InputExtent(UnitExtent(o) * fo, UnitExtent(f) * ff, stride, dilation)
                    * RestSplit(o, fo, false, (dims & (1 << o)) != 0) * RestSplit(f, ff, false, (dims & (1 << f)) != 0);
                least = Math.Min(least, v);
            }
        return least;
    }
}
