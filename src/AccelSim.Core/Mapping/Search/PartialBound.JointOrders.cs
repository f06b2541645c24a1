using AccelSim.Workloads;

namespace AccelSim.Mapping.Search;

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
    private readonly record struct Term(TensorKind Tensor, int Parent, int Child, int Level, long Base, long Tile, long Floor);

    private readonly Term[] _terms = new Term[3 * 9];
    private int _recorded;
    private static readonly int[][] TensorOrders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];

    // Called when Loads found the term's innermost relevant loop at a fixed level (_lastLevel, _lastBase).
    private void Record(TensorKind tensor, int parent, int child, long tile, long floor)
    {
        if (_recorded < _terms.Length) _terms[_recorded++] = new Term(tensor, parent, child, _lastLevel, _lastBase, tile, floor);
    }

    private static int[] RelevantDims(TensorKind tensor) => tensor switch
    {
        TensorKind.Weights => WeightDims,
        TensorKind.Outputs => OutputDims,
        _ => PlaneDims,
    };

    // The joint-order excess summed over the fixed levels (0 when no level holds the terms of two tensors).
    private double JointOrderExcess()
    {
        double excess = 0;
        for (int k = _fixedFrom; k < _levels; k++)
        {
            int present = 0;
            for (int i = 0; i < _recorded; i++) if (_terms[i].Level == k) present |= 1 << (int)_terms[i].Tensor;
            if ((present & (present - 1)) == 0) continue; // one tensor: its own best order is reachable
            double separate = 0;
            for (int i = 0; i < _recorded; i++)
                if (_terms[i].Level == k) separate += TermEnergy(_terms[i], Prefix(k, 1 << (int)_terms[i].Tensor));
            double least = double.PositiveInfinity;
            foreach (var order in TensorOrders)
            {
                double total = 0;
                int union = 0;
                foreach (int t in order)
                {
                    if ((present & (1 << t)) == 0) continue;
                    union |= 1 << t;
                    long prefix = Prefix(k, union);
                    for (int i = 0; i < _recorded; i++)
                        if (_terms[i].Level == k && (int)_terms[i].Tensor == t) total += TermEnergy(_terms[i], prefix);
                }
                least = Math.Min(least, total);
            }
            excess += Math.Max(0, least - separate);
        }
        return excess;
    }

    // The product of level k's loops relevant to any tensor of the set.
    private long Prefix(int k, int tensors)
    {
        int dims = 0;
        for (int t = 0; t < Tensors.Count; t++)
            if ((tensors & (1 << t)) != 0)
                foreach (int d in RelevantDims((TensorKind)t)) dims |= 1 << d;
        long product = 1;
        for (int d = 0; d < Dims.Count; d++) if ((dims & (1 << d)) != 0) product *= _temporal[k][d];
        return product;
    }

    // The energy a term charges (storage at the parent and child, network words) when its loads are base·prefix: the same
    // formulas as AddOperand and AddOutputs, in floating point.
    private double TermEnergy(in Term term, long prefix)
    {
        var parent = _access[term.Parent, (int)term.Tensor];
        var child = _access[term.Child, (int)term.Tensor];
        int net = NearestFanout(term.Parent, term.Child);
        double netEnergy = net >= 0 ? _netEnergy[net] : 0;
        double volume = Math.Max((double)term.Tile * term.Base * prefix, term.Floor);
        if (term.Tensor != TensorKind.Outputs)
        {
            double childTotal = volume * _used[term.Child];
            return volume * ReadsFactor(term.Tensor, term.Parent, term.Child) * _used[term.Parent] * parent.Read
                + childTotal * child.Write + childTotal * netEnergy;
        }
        double share = Share(term.Child, OutputDims);
        double heads = (double)OutputHeads(term.Parent, term.Child);
        double reloads = Math.Max(0, volume - share) * heads;
        double drained = volume * _used[term.Child];
        double drainReads = _rules.DrainReads ? drained : 0; // Timeloop's rules read nothing to drain (AddOutputs)
        return reloads * parent.Read + volume * heads * parent.Update + drainReads * child.Read + reloads * child.Write
            + (drained + reloads) * netEnergy;
    }
}
