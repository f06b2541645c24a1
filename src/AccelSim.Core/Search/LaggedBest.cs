namespace AccelSim.Search;

/// <summary>
/// The best objective over the seed and a finished prefix of the items in walk order, for <see cref="BoundOrderWalk"/>: items finish
/// out of order, and <see cref="Before"/> waits until every item before the asked position has finished, so what it
/// returns is the same on every run and core count.
/// </summary>
internal sealed class LaggedBest(int count, double seed)
{
    private readonly double[] _best = new double[count];
    private readonly bool[] _done = new bool[count];
    private readonly double[] _prefixBest = PrefixArray(count, seed); // [p]: the best of the seed and items 0..p-1
    private int _finished; // items 0.._finished-1 are done
    private bool _failed;

    private static double[] PrefixArray(int count, double seed)
    {
        var prefix = new double[count + 1];
        prefix[0] = seed;
        return prefix;
    }

    /// <summary>The best of the seed and the items before <paramref name="position"/> (the seed alone at or below 0),
    /// once they have all finished; null when a walk failed (the caller stops).</summary>
    public double? Before(int position)
    {
        if (position <= 0) return _prefixBest[0];
        lock (_best)
        {
            while (_finished < position && !_failed) Monitor.Wait(_best);
            return _failed ? null : _prefixBest[position];
        }
    }

    /// <summary>Records that the item at <paramref name="position"/> finished with best <paramref name="best"/>.</summary>
    public void Done(int position, double best)
    {
        lock (_best)
        {
            _best[position] = best;
            _done[position] = true;
            bool advanced = false;
            for (; _finished < count && _done[_finished]; _finished++, advanced = true)
                _prefixBest[_finished + 1] = Math.Min(_prefixBest[_finished], _best[_finished]);
            if (advanced) Monitor.PulseAll(_best);
        }
    }

    /// <summary>Wakes every waiting thread with no answer: a walk threw, and the search is being abandoned.</summary>
    public void Fail()
    {
        lock (_best)
        {
            _failed = true;
            Monitor.PulseAll(_best);
        }
    }
}
