using AccelSim.Search;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// <see cref="BoundOrder.Ascending"/> orders as a stable sort by bound does (LINQ's <c>OrderBy</c>): the bound-order walk's
/// statistics and tie-breaks rest on equal bounds keeping enumeration order. Drawn from few distinct values (many ties),
/// with +∞ (no completion fits) and 0 (no bound proven) among them.
/// </summary>
public class BoundOrderTests
{
    [Fact]
    public void OrdersAsAStableSortByBound() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var rng = new Random(seed);
            double[] values = [0, 1.5, 2, 2.000001, 7, double.PositiveInfinity];
            var bounds = Enumerable.Range(0, rng.Next(0, 200)).Select(_ => values[rng.Next(values.Length)]).ToArray();
            var expected = Enumerable.Range(0, bounds.Length).OrderBy(i => bounds[i]).ToArray();
            return BoundOrder.Ascending(bounds).SequenceEqual(expected);
        }));
}
