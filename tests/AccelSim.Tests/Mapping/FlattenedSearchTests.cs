using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Simulation;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>The mapper's search of flattened unrollings (axes with <c>flatten: true</c>; docs/mapper.md).</summary>
public class FlattenedSearchTests
{
    [Fact]
    public void AThreeChannelConvFillsTheRowsWithCRSFlattened()
    {
        // 3 channels of 3x3 filters: unrolled dim by dim they fill at most 3 x 3 = 9 of 16 rows (ws: C, R, S down Y);
        // C·R·S = 27 as one index takes 2 folds of 14.
        var arch = TestArchitectures.ThreeLevel(4, 16, TensorSet.All, reduction: true, bufferWords: 4096, rfWords: 64);
        var problem = new ProblemShape(1, 1, 4, 3, 4, 4, 3, 3);
        var options = new MapperOptions { Objective = Objective.Latency, ImperfectFactors = true };
        var plain = Mapper.Search(problem, arch, Dataflows.Get("ws"), options with { FlattenedCandidates = 0 });
        var flattened = Mapper.Search(problem, arch, Dataflows.Get("ws"), options);
        Assert.False(plain.Mapping.IsFlattened);
        Assert.True(flattened.Mapping.IsFlattened, LoopNestPrinter.Print(arch, flattened.Mapping, problem));
        Assert.True(flattened.Evaluation.ComputeCycles < plain.Evaluation.ComputeCycles, $"{flattened.Evaluation.ComputeCycles} vs {plain.Evaluation.ComputeCycles}");
        Assert.Empty(MappingValidator.Check(problem, arch, flattened.Mapping, Dataflows.Get("ws")));
        var sim = CycleSimulator.Run(problem, arch, flattened.Mapping);
        Assert.True(sim.Counts.SameAs(flattened.Evaluation.Counts, out var diff), diff);
    }

    [Fact]
    public void GroupsAreTheAxisAllowedDimsOfOneFamily()
    {
        var problem = new ProblemShape(1, 1, 4, 3, 4, 4, 3, 3);
        var ws = ConstraintResolver.Resolve(TestArchitectures.ThreeLevel(4, 16, TensorSet.All, reduction: true), Dataflows.Get("ws"));
        var y = ws.Levels[1].Y!;
        Assert.True(y.Flatten);
        Assert.Equal(["C*R", "C*S", "R*S", "C*R*S"], FlattenedUnrollings.Groups(problem, y, reduces: true).Select(g => g.Name).OrderBy(n => n.Length).ThenBy(n => n));
        Assert.Empty(FlattenedUnrollings.Groups(problem, y, reduces: false)); // C, R, S only along a reducing axis
    }
}
