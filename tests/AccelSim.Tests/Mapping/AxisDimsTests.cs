using AccelSim.Architecture;
using AccelSim.Architecture.Constraints;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// No hidden limit on the dims of an array axis (issue #16): an axis unrolls as many dims as its constraints and its size
/// allow, <c>max_dims</c> still limits when a dataflow or an architecture gives it, and the spatial space holds every
/// factor assignment exactly once.
/// </summary>
public class AxisDimsTests
{
    // VGG-16 conv1_1 (three input channels, a 3x3 filter) with its 224x224 output reduced to 28x28 for speed: the TPU's
    // weight-stationary rows can hold C·R·S = 27 only with three dims on one axis; any two of them give at most 9 rows.
    private static readonly ProblemShape Vgg16Conv1_1Reduced = new(1, 1, 64, 3, 28, 28, 3, 3);

    [Fact]
    public void ThreeDimsOnOneAxisAreFoundByTheDefaultSearchAndBeatEveryTwoDimUnrolling()
    {
        var arch = ArchitectureLibrary.Load("tpu-v1");
        var found = Mapper.Search(Vgg16Conv1_1Reduced, arch, Dataflows.WeightStationary);
        // The best of every unrolling with at most two dims per axis: the sound search (optimum of its declared space).
        var twoDims = Mapper.Search(Vgg16Conv1_1Reduced, WithMaxDims(arch, 2), Dataflows.WeightStationary, new MapperOptions().Sound());

        Assert.Equal(3, found.Mapping.Levels.Max(l => Math.Max(DimsOn(l.SpatialX), DimsOn(l.SpatialY))));
        Assert.True(found.Evaluation.SpatialUtilization > twoDims.Evaluation.SpatialUtilization,
            $"three dims: {found.Evaluation.SpatialUtilization:P2} of the MACs; two: {twoDims.Evaluation.SpatialUtilization:P2}");
        Assert.True(found.Evaluation.TotalEnergy < twoDims.Evaluation.TotalEnergy,
            $"three dims: {found.Evaluation.TotalEnergy:E4} pJ; two: {twoDims.Evaluation.TotalEnergy:E4} pJ");
    }

    [Fact]
    public void MaxDimsStillLimitsEveryAxisItIsGivenFor()
    {
        var free = ArchitectureLibrary.Load("tpu-v1");
        var limited = WithMaxDims(free, 2);
        Assert.Contains(Enumerate(free), c => c.Y.Max(DimsOn) == 3);
        var spatial = Enumerate(limited);
        Assert.NotEmpty(spatial);
        Assert.All(spatial, c => Assert.True(c.Y.Max(DimsOn) <= 2, $"Y unrolls {c.Y.Max(DimsOn)} dims"));
        var result = Mapper.Search(Vgg16Conv1_1Reduced, limited, Dataflows.WeightStationary);
        Assert.All(result.Mapping.Levels, l => Assert.True(DimsOn(l.SpatialY) <= 2));
    }

    private static List<SpatialCandidate> Enumerate(Accelerator arch) => SpatialEnumerator.Enumerate(Vgg16Conv1_1Reduced, arch,
        SearchPlan.CreateAll(Vgg16Conv1_1Reduced, arch, Dataflows.WeightStationary, searchBypass: false)[0].Resolved);

    // The enumerated unrollings are exactly the factor assignments a brute force over every dim's divisors accepts, each
    // once: ws (five dims allowed per axis), rs (R whole on Y whenever it fits, and only there) and ws with max_dims 2 on both axes.
    [Theory]
    [InlineData("ws", null)]
    [InlineData("rs", null)]
    [InlineData("ws", 2)]
    public void TheSpatialSpaceIsEveryAllowedFactorAssignmentOnce(string dataflow, int? maxDims)
    {
        var arch = TestArchitectures.ThreeLevel(8, 6, TensorSet.All, reduction: true);
        if (maxDims is int max)
            arch = arch with
            {
                Levels = [.. arch.Levels.Select((l, i) => i == 1 ? l with { Constraints = l.Constraints with { X = new AxisConstraints { MaxDims = max }, Y = new AxisConstraints { MaxDims = max } } } : l)],
            };
        var problem = new ProblemShape(2, 2, 8, 4, 4, 2, 4, 2);
        var flow = Dataflows.Get(dataflow);
        var plan = SearchPlan.CreateAll(problem, arch, flow, searchBypass: false)[0];
        var enumerated = SpatialEnumerator.Enumerate(problem, arch, plan.Resolved).Select(Key).ToList();

        var x = plan.Resolved.Levels[1].X ?? new AxisConstraints();
        var y = plan.Resolved.Levels[1].Y ?? new AxisConstraints();
        var expected = BruteForce(problem, 8, 6, x, y, maxDims ?? int.MaxValue).ToHashSet();

        Assert.Equal(enumerated.Count, enumerated.Distinct().Count());
        Assert.Equal(expected.OrderBy(k => k), enumerated.OrderBy(k => k));
        // The walk must actually reach three dims somewhere, or this test would not cover the change.
        if (maxDims is null) Assert.Contains(enumerated, k => k.Split('|').Any(axis => axis.Split(',').Count(f => f != "1") >= 3));
        // R (4 here) is whole on Y only where the dataflow says so (rs: whole: [R]); ws may split it.
        bool splitsR = enumerated.Any(k => k.Split('|')[1].Split(',')[(int)Dim.R] == "2");
        Assert.Equal(dataflow != "rs", splitsR);
    }

    // Every (X, Y) factor vector of the buffer's fan-out: per dim, factors whose product divides the bound, allowed dims only
    // (reduction dims too: the test network reduces), each axis' product within its size, whole dims whole when they fit.
    private static IEnumerable<string> BruteForce(ProblemShape problem, int sizeX, int sizeY, AxisConstraints x, AxisConstraints y, int maxDims)
    {
        var bounds = problem.Bounds();
        var fx = new int[Dims.Count];
        var fy = new int[Dims.Count];
        IEnumerable<string> Assign(int d)
        {
            if (d == Dims.Count)
            {
                if (!Fits(fx, sizeX, x, maxDims) || !Fits(fy, sizeY, y, maxDims)) yield break;
                if (y.WholeIfFits.Any(w => bounds[(int)w] > 1 && bounds[(int)w] <= sizeY && fy[(int)w] != bounds[(int)w])) yield break;
                yield return $"{string.Join(",", fx)}|{string.Join(",", fy)}";
                yield break;
            }
            foreach (int a in RandomCase.Divisors(bounds[d]))
                foreach (int b in RandomCase.Divisors(bounds[d] / a))
                {
                    fy[d] = a; fx[d] = b;
                    foreach (var k in Assign(d + 1)) yield return k;
                }
            fx[d] = fy[d] = 1;
        }
        return Assign(0).ToList();
    }

    private static bool Fits(int[] factors, int size, AxisConstraints axis, int maxDims) =>
        factors.Aggregate(1L, (p, f) => p * f) <= size && DimsOn(factors) <= maxDims
        && Dims.All.All(d => factors[(int)d] == 1 || axis.Allows(d));

    private static string Key(SpatialCandidate c) => $"{string.Join(",", c.X[1])}|{string.Join(",", c.Y[1])}";

    private static int DimsOn(IReadOnlyList<int> factors) => factors.Count(f => f > 1);

    private static Accelerator WithMaxDims(Accelerator arch, int max) => arch with
    {
        Levels = [.. arch.Levels.Select(l => l.Fanout is null ? l : l with { Constraints = l.Constraints with { Y = (l.Constraints.Y ?? new AxisConstraints()) with { MaxDims = max } } })],
    };
}
