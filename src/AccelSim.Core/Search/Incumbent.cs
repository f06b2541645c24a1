using AccelSim.Mapping;
namespace AccelSim.Search;

/// <summary>
/// The best objective value found so far by any walker of one search, shared across threads for branch and bound. Which
/// branches it prunes depends on timing, the result does not: a branch is pruned only when its bound exceeds a value some
/// mapping reaches, so it holds no mapping tied with or better than the optimum.
/// </summary>
internal sealed class Incumbent
{
    /// <summary>Relative slack for the bound's floating-point rounding (it sums the same terms in another order).</summary>
    public const double RoundingMargin = 1e-9;

    private double _value = double.PositiveInfinity;

    /// <summary>True when a bound exceeds the best value by more than the rounding margin (strictly: ties are kept).</summary>
    public static bool Beyond(double bound, double best) => bound > best * (1 + RoundingMargin);

    /// <summary>The best value offered so far (+∞ before any).</summary>
    public double Value => Volatile.Read(ref _value);

    /// <summary>Lowers the value to <paramref name="cost"/> when it is better.</summary>
    public void Offer(double cost)
    {
        double seen = Volatile.Read(ref _value);
        while (cost < seen)
        {
            double previous = Interlocked.CompareExchange(ref _value, cost, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}
