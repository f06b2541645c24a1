using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSim.Tests.Model;

/// <summary>The analytical model against an independent MAC-by-MAC walk with explicit resident word sets.</summary>
public class BruteForceAgreementTests
{
    private static AccessCounts Analytical(RandomCase c)
    {
        MappingValidator.Validate(c.Problem, c.Arch, c.Mapping);
        return AnalyticalModel.Evaluate(c.Problem, c.Arch, c.Mapping).Counts;
    }

    [Fact]
    public void RandomLayersArchitecturesAndMappingsAgreeExactly()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed);
            var expected = new BruteForceCounter(c.Problem, c.Arch, c.Mapping).Run();
            var actual = Analytical(c);
            bool same = actual.SameAs(expected, out var diff);
            return same.Label($"seed {seed}: {diff}; case {c}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void PerAxisNetworksAndMustKeepsAgreeExactly()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var c = RandomCase.FromSeed(seed, perAxis: true);
            var expected = new BruteForceCounter(c.Problem, c.Arch, c.Mapping).Run();
            var actual = Analytical(c);
            bool same = actual.SameAs(expected, out var diff);
            return same.Label($"seed {seed}: {diff}; case {c}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Theory]
    [InlineData(1, 1, 4, 3, 4, 3, 3, 3, 1, 1)]   // dense conv
    [InlineData(1, 1, 2, 2, 3, 3, 3, 3, 2, 1)]   // strided
    [InlineData(1, 1, 2, 2, 3, 3, 2, 2, 1, 2)]   // dilated
    [InlineData(2, 4, 1, 1, 4, 4, 3, 3, 1, 1)]   // depthwise, batch 2
    [InlineData(1, 2, 3, 2, 2, 2, 3, 1, 1, 1)]   // grouped
    [InlineData(2, 1, 8, 12, 1, 1, 1, 1, 1, 1)]  // fully connected
    public void NamedLayerKindsAgreeExactly(int n, int g, int m, int c, int p, int q, int r, int s, int stride, int dilation)
    {
        var problem = new ProblemShape(n, g, m, c, p, q, r, s, stride, stride, dilation, dilation);
        for (int seed = 0; seed < 40; seed++)
        {
            var random = RandomCase.FromSeed(seed * 7919 + m);
            var mapping = Remap(problem, random, seed);
            var counts = new BruteForceCounter(problem, random.Arch, mapping).Run();
            var actual = AnalyticalModel.Evaluate(problem, random.Arch, mapping).Counts;
            Assert.True(actual.SameAs(counts, out var diff), $"{problem} seed {seed}: {diff}");
        }
    }

    // A random mapping of a given problem on a random case's architecture.
    private static LoopMapping Remap(ProblemShape problem, RandomCase random, int seed)
    {
        for (int attempt = 0; ; attempt++)
        {
            var c = RandomCase.FromSeed(seed * 31 + attempt);
            // Reuse the generator by swapping the problem: build from scratch with the same architecture.
            var rng = new Random(seed * 131 + attempt);
            var remaining = problem.Bounds();
            var levels = new List<LevelMapping>();
            var factors = new int[3][];
            var sx = new int[3][]; var sy = new int[3][];
            for (int i = 0; i < 3; i++) { factors[i] = LevelMapping.Ones(); sx[i] = LevelMapping.Ones(); sy[i] = LevelMapping.Ones(); }
            var fan = random.Arch.Levels[1].Fanout!;
            foreach (var (arr, size, y) in new[] { (sx[1], fan.X, false), (sy[1], fan.Y, true) })
            {
                int d = rng.Next(Dims.Count);
                if (!fan.Network.Reduces(y) && (Dim)d is Dim.C or Dim.R or Dim.S) continue;
                var options = RandomCase.Divisors(remaining[d]).Where(f => f <= size).ToList();
                int pick = options[rng.Next(options.Count)];
                arr[d] = pick; remaining[d] /= pick;
            }
            for (int d = 0; d < Dims.Count; d++)
            {
                for (int i = 2; i >= 1; i--)
                {
                    var divs = RandomCase.Divisors(remaining[d]);
                    factors[i][d] = divs[rng.Next(divs.Count)];
                    remaining[d] /= factors[i][d];
                }
                factors[0][d] = remaining[d];
            }
            for (int i = 0; i < 3; i++)
                levels.Add(new LevelMapping(factors[i], Dims.All.OrderBy(_ => rng.Next()).ToArray(), sx[i], sy[i], i == 0 ? TensorSet.All : (TensorSet)rng.Next(8)));
            var mapping = new LoopMapping(levels);
            if (MappingValidator.Check(problem, random.Arch, mapping).Count == 0) return mapping;
            _ = c;
        }
    }
}
