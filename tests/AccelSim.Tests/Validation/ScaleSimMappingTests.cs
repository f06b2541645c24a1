using AccelSim.Mapping;
using AccelSim.Mapping.ScaleSim;
using AccelSim.Model;
using AccelSim.Workloads;
using static AccelSim.Workloads.Dim;

namespace AccelSim.Tests.Validation;

/// <summary>
/// Issue #15's acceptance: SCALE-Sim's fixed OS and WS mappings, written by its rules (OS: rows = output pixels, columns =
/// filters, streamed = C·R·S; WS: rows = C·R·S, columns = filters, streamed = output pixels) for every layer of its
/// alexnet.csv, Resnet18.csv and mobilenet.csv (shapes as SCALE-Sim reads them: ceil output sizes, depthwise rows as
/// one-filter dense convolutions) on 32x32, 12x14 and 256x256 arrays, are valid AccelSim mappings and fold
/// ceil(rows needed / rows) · ceil(columns needed / columns) times.
/// </summary>
public class ScaleSimMappingTests
{
    public static TheoryData<string> Networks => new(ScaleSimReference.Networks);

    private static readonly (int Rows, int Columns)[] Arrays = [(32, 32), (12, 14), (256, 256)];

    [Theory]
    [MemberData(nameof(Networks))]
    public void FixedMappingsAreValidAndFoldAsScaleSimOnEveryLayer(string network)
    {
        int checkedCases = 0;
        foreach (var (layer, problem) in ScaleSimReference.Problems(network))
            foreach (var (rows, columns) in Arrays)
                foreach (var dataflow in new[] { ScaleSimDataflow.Os, ScaleSimDataflow.Ws })
                {
                    var arch = ScaleSimReference.Array(rows, columns);
                    var mapping = ScaleSimMappings.Write(problem, arch, dataflow);
                    string where = $"{network} {layer} {dataflow} {rows}x{columns}";
                    var problems = MappingValidator.Check(problem, arch, mapping);
                    Assert.True(problems.Count == 0, $"{where}: {string.Join("; ", problems)}");
                    // The operand sizes by SCALE-Sim's rules, from the problem's bounds.
                    long pixels = (long)problem.N * problem.P * problem.Q, window = (long)problem.C * problem.R * problem.S;
                    long rowsNeeded = dataflow == ScaleSimDataflow.Os ? pixels : window;
                    long expected = Ceil(rowsNeeded, rows) * Ceil(problem.M, columns);
                    Assert.True(expected == OuterIterations(mapping), $"{where}: {OuterIterations(mapping)} folds, SCALE-Sim folds {expected}");
                    checkedCases++;
                }
        Assert.Equal(ScaleSimReference.Problems(network).Count * Arrays.Length * 2, checkedCases);
    }

    [Fact]
    public void ShapesAreScaleSimsCeilOutputSizesAndOneFilterDepthwiseRows()
    {
        foreach (var c in ScaleSimReference.Expected())
        {
            var problem = ScaleSimReference.Problems(c.Network)[c.Layer];
            Assert.True((c.P, c.Q) == (problem.P, problem.Q), $"{c}: AccelSim reads P, Q = {problem.P}, {problem.Q}, SCALE-Sim {c.P}, {c.Q}");
        }
        // mobilenet.csv writes its depthwise layers as dense convolutions with one filter over all channels (and no padding:
        // 112 - 3 + 1 = 110 outputs).
        var conv2 = ScaleSimReference.Problems("mobilenet")["Conv2"];
        Assert.Equal((1, 1, 32, 110, 110), (conv2.G, conv2.M, conv2.C, conv2.P, conv2.Q));
    }

    [Fact]
    public void AnAxisOverSeveralDimsIsFlattenedInScaleSimsIndexOrder()
    {
        // AlexNet conv1 on 32x32 WS: the window 11·11·3 = 363 down 32 rows, 12 folds with the last one partial (11 rows).
        var problem = ScaleSimReference.Problems("alexnet")["Conv1"];
        var mapping = ScaleSimMappings.Write(problem, ScaleSimReference.Array(32, 32), ScaleSimDataflow.Ws);
        var group = Assert.Single(mapping.Flatten);
        Assert.Equal([R, S, C], group.Members);
        Assert.Equal(32, mapping.Levels[1].SpatialY[(int)R]);
        Assert.Equal(32, mapping.Levels[1].SpatialX[(int)M]);
        Assert.Equal(12, mapping.Levels[0].TemporalOf(R));
        Assert.Equal(3, mapping.Levels[0].TemporalOf(M));
        Assert.Equal(55 * 55, mapping.Levels[2].TemporalOf(P) * mapping.Levels[2].TemporalOf(Q));
        // OS on 32x32: the 3025 pixels P·Q down the rows (95 folds), the 363-long window streamed, no flattening needed there.
        var os = ScaleSimMappings.Write(problem, ScaleSimReference.Array(32, 32), ScaleSimDataflow.Os);
        Assert.Equal([P, Q], Assert.Single(os.Flatten).Members);
        Assert.Equal(95, os.Levels[0].TemporalOf(P));
        // A 1x1 layer's window is C alone: an imperfect factor, no group.
        var pointwise = ScaleSimReference.Problems("mobilenet")["Conv3"];
        Assert.DoesNotContain(ScaleSimMappings.Write(pointwise, ScaleSimReference.Array(12, 14), ScaleSimDataflow.Ws).Flatten, g => g.Contains(C));
    }

    // Iterations of the loops above the PEs: one fold each (the array level unrolls only, the PE level streams).
    private static long OuterIterations(LoopMapping mapping) =>
        mapping.Levels.Take(mapping.Levels.Count - 1).Aggregate(1L, (a, l) => a * Dims.All.Aggregate(1L, (b, d) => b * l.TemporalOf(d)));

    private static long Ceil(long a, long b) => (a + b - 1) / b;
}
