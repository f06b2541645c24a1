using AccelSim.Common;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Common;

/// <summary>The gcd the bound's input rows (residues of r·dilation modulo the stride) and the simulator's tick rate rest on.</summary>
public sealed class IntegerMathTests
{
    [Theory]
    [InlineData(12, 18, 6)]
    [InlineData(2, 1, 1)]
    [InlineData(4, 2, 2)]
    [InlineData(7, 0, 7)]
    [InlineData(0, 5, 5)]
    [InlineData(17, 13, 1)]
    public void GivesTheGreatestCommonDivisor(long a, long b, long gcd) => Assert.Equal(gcd, IntegerMath.Gcd(a, b));

    // It divides both, and every common divisor divides it: the definition, checked against a direct search.
    [Fact]
    public void DividesBothAndIsTheGreatestDivisorTheyShare() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(Gen.Choose(1, 5000)), Arb.From(Gen.Choose(1, 5000)), (a, b) =>
        {
            long g = IntegerMath.Gcd(a, b);
            long greatest = Enumerable.Range(1, Math.Min(a, b)).Last(d => a % d == 0 && b % d == 0);
            return g == greatest;
        }));
}
