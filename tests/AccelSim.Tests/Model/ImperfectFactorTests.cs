using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Model;

/// <summary>Imperfect factorization: the analytical model against the MAC-by-MAC walk, and the coverage rule.</summary>
public class ImperfectFactorTests
{
    [Fact]
    public void RandomImperfectMappingsAgreeExactlyWithTheBruteForce()
    {
        int imperfect = 0, idleUnits = 0;
        AgreementChecks.ModelMatchesBruteForce(RandomImperfectCase.FromSeed, 500, c =>
        {
            if (!FactorCoverage.IsPerfect(c.Problem, c.Mapping)) imperfect++;
            if (Dims.All.Any(d => c.Mapping.Product(d) != c.Problem[d] && c.Mapping.Levels.Any(l => l.SpatialOf(d) > 1))) idleUnits++;
        });
        // The generator must mostly produce what is tested: imperfect dims, many of them unrolled (idle units at the edge).
        Assert.True(imperfect > 250 && idleUnits > 100, $"{imperfect} of 500 cases imperfect, {idleUnits} with an imperfect dim unrolled");
    }

    // perAxis: networks with per-axis semantics and diagonal multicast off at random (a sliding input dim unrolled on a
    // sharing axis then keeps its children apart in both forms; the partial form once merged them).
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ThePartialTileFormsReduceToThePerfectOnesOnPerfectMappings(bool perAxis)
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed, perAxis);
            var expected = AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping).Counts;
            var counter = new AccessCounter(c.Problem, c.Arch);
            counter.Load(c.Mapping);
            counter.Prepare();
            var partial = new PartialTiles(c.Problem, c.Arch);
            partial.Prepare(counter.Temporal, counter.SpatialX, counter.SpatialY, counter.Order, force: true);
            var actual = new AccessCounts(c.Arch.Levels.Count);
            partial.Count(actual, counter.Keeps);
            bool same = actual.SameAs(expected, out var diff) && partial.TemporalIterations == counter.TemporalIterations
                && partial.Folds == counter.Folds;
            return same.Label($"seed {seed}: {diff}; case {c}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }
}
