using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>Flattened axes as a mapping states them: groups, the flat range's boxes, the validator, YAML and the printer.</summary>
public class FlattenRepresentationTests
{
    private static readonly ProblemShape Layer = new(1, 1, 4, 3, 5, 4, 3, 3);

    // DRAM → buffer → 8×2 PEs → MAC; P*Q (20) on the X axis in folds of 8 (the last of 4), M on Y.
    private static LoopMapping Mapping(int foldX = 8, int dramJ = 3)
    {
        var arch = Arch();
        int[] F(params (Dim D, int F)[] f) { var a = LevelMapping.Ones(); foreach (var (d, x) in f) a[(int)d] = x; return a; }
        var order = Dims.All.ToArray();
        return new LoopMapping(
        [
            new LevelMapping(F((Dim.P, dramJ), (Dim.M, 2)), order, LevelMapping.Ones(), LevelMapping.Ones(), TensorSet.All),
            new LevelMapping(F((Dim.C, 3)), order, F((Dim.P, foldX)), F((Dim.M, 2)), TensorSet.All),
            new LevelMapping(F((Dim.R, 3), (Dim.S, 3)), order, LevelMapping.Ones(), LevelMapping.Ones(), TensorSet.All),
        ], [new FlattenGroup(Dim.P, Dim.Q)]);
    }

    private static Accelerator Arch() => TestArchitectures.ThreeLevel(8, 2, TensorSet.All, reduction: true);

    [Fact]
    public void AFlatRangeIsAtMostTwoKMinusOneBoxesCoveringExactlyItsPoints()
    {
        var problem = new ProblemShape(1, 1, 1, 3, 4, 5, 2, 3);
        var group = new FlattenGroup(Dim.C, Dim.R, Dim.S);
        long bound = group.JointBound(problem);
        for (long lo = 0; lo < bound; lo++)
            for (long len = 1; lo + len <= bound; len++)
            {
                var boxes = new List<(long[] Lo, long[] Len)>();
                group.Boxes(problem, lo, len, boxes);
                Assert.True(boxes.Count <= 5, $"[{lo}, {lo + len}): {boxes.Count} boxes");
                var covered = new List<long>();
                foreach (var (l, e) in boxes)
                    for (long c = l[0]; c < l[0] + e[0]; c++)
                        for (long r = l[1]; r < l[1] + e[1]; r++)
                            for (long s = l[2]; s < l[2] + e[2]; s++) covered.Add((c * 2 + r) * 3 + s);
                Assert.Equal(Enumerable.Range((int)lo, (int)len).Select(x => (long)x), covered.Order());
            }
    }

    [Fact]
    public void TheJointDimCoversTheProductOfItsMembersBounds()
    {
        var m = Mapping();
        Assert.Equal(20, m.BoundOf(Layer, Dim.P));
        Assert.Equal(1, m.BoundOf(Layer, Dim.Q));
        Assert.Empty(MappingValidator.Check(Layer, Arch(), m));
        // 2 × 8 = 16 < 20 rows: the factors do not cover P*Q.
        Assert.Contains(MappingValidator.Check(Layer, Arch(), Mapping(dramJ: 2)), e => e.Contains("dim P*Q: factors multiply to 16, the bound is 20"));
    }

    [Theory]
    [InlineData(new[] { Dim.P, Dim.P }, "dim P is listed twice")]
    [InlineData(new[] { Dim.M, Dim.C }, "its dims must index the same tensors")]
    [InlineData(new[] { Dim.P }, "needs at least two dims")]
    public void BadGroupsAreNamed(Dim[] members, string expected)
    {
        var m = Mapping().WithFlatten([new FlattenGroup(members)]);
        Assert.Contains(MappingValidator.Check(Layer, Arch(), m), e => e.Contains(expected));
    }

    [Fact]
    public void OverlappingGroupsAndFactorsOnLaterMembersAreRefused()
    {
        var overlapping = Mapping().WithFlatten([new FlattenGroup(Dim.P, Dim.Q), new FlattenGroup(Dim.N, Dim.Q)]);
        Assert.Contains(MappingValidator.Check(Layer, Arch(), overlapping), e => e.Contains("share dim Q"));
        var swapped = Mapping().WithFlatten([new FlattenGroup(Dim.Q, Dim.P)]);
        Assert.Contains(MappingValidator.Check(Layer, Arch(), swapped), e => e.Contains("dim P has temporal factor 3 at level 'DRAM'"));
    }

    [Fact]
    public void YamlRoundTripsTheGroupsAndTheJointFactors()
    {
        var arch = Arch();
        var m = Mapping();
        string text = MappingYaml.Write(arch, m);
        Assert.Contains("flatten: [[P, Q]]", text);
        Assert.Contains("spatial_x: {P*Q: 8}", text);
        var back = MappingYaml.Parse(text, "m.yaml", arch);
        Assert.Equal(m.Flatten, back.Flatten);
        Assert.Equal(MappingYaml.Write(arch, m), MappingYaml.Write(arch, back));
    }

    [Theory]
    [InlineData("flatten: [[P, X]]", "m.yaml: flatten[0][1]: 'X' is not a loop dimension")]
    [InlineData("flatten: [[P, Q], [Q, N]]", "m.yaml: flatten[1]: flatten groups P*Q and Q*N share dim Q")]
    [InlineData("flatten: [[P, Q, P]]", "m.yaml: flatten[0]: flatten group P*Q*P: dim P is listed twice")]
    [InlineData("flatten: [[Q, R]]", "m.yaml: flatten[0]: flatten group Q*R: its dims must index the same tensors")]
    public void BadGroupsInYamlAreOneLineNamingTheField(string flatten, string expected)
    {
        string text = MappingYaml.Write(Arch(), Mapping()).Replace("flatten: [[P, Q]]", flatten);
        var e = Assert.ThrowsAny<InputException>(() => MappingYaml.Parse(text, "m.yaml", Arch()));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void AMemberWrittenOnItsOwnIsRefused()
    {
        string text = MappingYaml.Write(Arch(), Mapping()).Replace("{P*Q: 8}", "{Q: 8}");
        var e = Assert.ThrowsAny<InputException>(() => MappingYaml.Parse(text, "m.yaml", Arch()));
        Assert.Equal("m.yaml: levels[1].spatial_x.Q: dim Q is flattened into P*Q; give the factor of P*Q instead", e.Message);
    }

    [Fact]
    public void ThePrinterNamesTheJointLoops()
    {
        string text = LoopNestPrinter.Print(Arch(), Mapping(), Layer);
        Assert.Contains("for p*q0 in 0..3", text);
        Assert.Contains("spatial-for p*q1 in 0..8", text);
        Assert.Contains("imperfect: its last fold uses 0..4", text);
        Assert.Contains("flattened: p*q = p·q as one flat index", text);
    }
}
