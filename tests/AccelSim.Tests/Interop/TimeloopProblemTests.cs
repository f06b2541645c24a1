using AccelSim.Tests.Support;
using AccelSim.Workloads;
using AccelSim.Workloads.Timeloop;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Interop;

/// <summary>Timeloop conv2D problems read as AccelSim layers, with Timeloop's P/R along the width (issue: Timeloop interoperability).</summary>
public class TimeloopProblemTests
{
    // A problem in the v0.4 form of timeloop-accelergy-exercises' layer_shapes/CONV files, written here (not copied).
    internal static string Problem(int c, int m, int r, int s, int p, int q, int wstride = 1, int hstride = 1, int wdilation = 1, int hdilation = 1, int n = 1) => $"""
        problem:
          version: 0.4
          instance:
            C: {c}
            Hdilation: {hdilation}
            Hstride: {hstride}
            M: {m}
            N: {n}
            P: {p}
            Q: {q}
            R: {r}
            S: {s}
            Wdilation: {wdilation}
            Wstride: {wstride}
          shape:
            dimensions: [C, M, R, S, N, P, Q]
            name: CNN_Layer
        """;

    private static string Write(string dir, string name, string text)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ANonSquareProblemTranslatesPAndRToTheWidth()
    {
        // Timeloop: P = 7 and R = 5 along the width (stride 2), Q = 4 and S = 3 along the height (dilation 2).
        string path = Write(CliRunner.TempDir(), "odd.yaml", Problem(c: 3, m: 8, r: 5, s: 3, p: 7, q: 4, wstride: 2, hdilation: 2));
        var model = ModelLibrary.Load(path);
        var conv = model.MacLayers.Single();
        Assert.Equal(new ProblemShape(1, 1, 8, 3, 4, 7, 3, 5, 1, 2, 2, 1), conv.Problem);
        // The input is exactly what the windows cover: height (4-1)*1 + (3-1)*2 + 1 = 8, width (7-1)*2 + (5-1)*1 + 1 = 17.
        Assert.Equal(new FeatureMap(3, 8, 17), model.Layers[0].Output);
        // Timeloop's MACs are the product of its seven dims; its Inputs are C x W x H over the same extents.
        Assert.Equal(3L * 8 * 5 * 3 * 1 * 7 * 4, conv.Macs);
        Assert.Equal(3L * 17 * 8, conv.Problem!.TensorSize(TensorKind.Inputs));
        Assert.Equal(3L * 8 * 5 * 3, conv.Weights);
    }

    [Fact]
    public void AFolderOfProblemsRunsAsAModelInNaturalOrder()
    {
        var dir = Path.Combine(CliRunner.TempDir(), "AlexNet");
        Directory.CreateDirectory(dir);
        // AlexNet's conv layers as Timeloop's exercises give them: dense, ungrouped, batch 1.
        Write(dir, "AlexNet_layer1.yaml", Problem(3, 96, 11, 11, 55, 55, 4, 4));
        Write(dir, "AlexNet_layer2.yaml", Problem(96, 256, 5, 5, 27, 27));
        Write(dir, "AlexNet_layer3.yaml", Problem(256, 384, 3, 3, 13, 13));
        Write(dir, "AlexNet_layer4.yaml", Problem(384, 384, 3, 3, 13, 13));
        Write(dir, "AlexNet_layer5.yaml", Problem(384, 256, 3, 3, 13, 13));
        Write(dir, "AlexNet_layer10.yaml", Problem(16, 16, 1, 1, 2, 2));
        var model = ModelLibrary.Load(dir);
        Assert.Equal("AlexNet", model.Name);
        Assert.Equal(["AlexNet_layer1", "AlexNet_layer2", "AlexNet_layer3", "AlexNet_layer4", "AlexNet_layer5", "AlexNet_layer10"],
            model.MacLayers.Select(l => l.Name));
        long[] macs = [105_415_200, 447_897_600, 149_520_384, 224_280_576, 149_520_384, 1024];
        Assert.Equal(macs, model.MacLayers.Select(l => l.Macs));

        var outDir = CliRunner.TempDir();
        var (exit, _, error) = CliRunner.Run("run", "--model", "timeloop:" + dir, "--arch", "eyeriss", "--out", outDir, "--quiet");
        Assert.True(exit == 0, error);
        var rows = File.ReadAllLines(Path.Combine(outDir, "layers.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(model.MacLayers.Select(l => l.Name), rows); // one row per problem file, inputs not listed
    }

    [Fact]
    public void TheOlderFormWithDimsUnderProblemLoadsToo()
    {
        string v03 = """
            problem:
              shape:
                name: CNN-Layer
                dimensions: [C, M, R, S, N, P, Q]
              C: 64
              M: 128
              R: 3
              S: 3
              N: 1
              P: 14
              Q: 14
            """;
        var model = ModelLibrary.Load(Write(CliRunner.TempDir(), "v03.yaml", v03));
        Assert.Equal(64L * 128 * 9 * 14 * 14, model.TotalMacs);
    }

    [Theory]
    [InlineData("{{include_text('../problem_base.yaml')}}\nproblem:\n  instance: {C: 3}\n", "templated Timeloop v0.4 front-end source")]
    [InlineData("problem:\n  shape: {name: MatrixMultiply}\n  instance: {M: 3}\n", "problem.shape.name: 'MatrixMultiply' is not Timeloop's conv2D")]
    [InlineData("problem:\n  instance: {C: 3, M: 4, R: 1, S: 1, P: 2, Q: 2, densities: {Inputs: 0.5}}\n", "problem.instance.densities: sparse problems")]
    [InlineData("problem:\n  instance: {C: 3, M: 4, R: 1, S: 1, P: 2, Q: 2, N: 4}\n", "problem.instance.N: 4")]
    [InlineData("problem:\n  instance: {C: 3, M: 4, R: 1, S: 1, P: 2, Q: 2, K: 4}\n", "problem.instance.K: unknown conv2D dim")]
    [InlineData("problem:\n  instance: {C: 3, M: 4, R: 1, S: 1, P: 2}\n", "problem.instance.Q: missing")]
    [InlineData("problem:\n  instance: {C: 3, M: 4, R: 1, S: 1, P: 2, Q: 0}\n", "problem.instance.Q: must be a positive")]
    public void BadProblemsGetOneLineNamingTheFileAndField(string text, string expected)
    {
        string path = Write(CliRunner.TempDir(), "bad.yaml", text);
        var (exit, output, error) = CliRunner.Run("zoo", path);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(path, line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public void DimsTranslateBothWays()
    {
        foreach (var name in TimeloopDims.Names)
            Assert.Equal(name, TimeloopDims.ToTimeloop(TimeloopDims.ToAccelSim(name)!.Value));
        Assert.Null(TimeloopDims.ToTimeloop(Dim.G));
        Assert.Equal(Dim.Q, TimeloopDims.ToAccelSim("P"));
        Assert.Equal(Dim.S, TimeloopDims.ToAccelSim("R"));
        Assert.NotNull(ModelZoo.Get("alexnet")); // the zoo still resolves names when Timeloop files exist
    }
}
