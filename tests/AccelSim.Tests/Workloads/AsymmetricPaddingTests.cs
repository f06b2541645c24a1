using AccelSim.Workloads;
using AccelSim.Workloads.Layers;
using AccelSim.Workloads.Yaml;

namespace AccelSim.Tests.Workloads;

/// <summary>
/// Padding per side ([top, bottom, left, right], negative = crop): output-size arithmetic, the loop nest it implies, and
/// the workload file's four-value form, which round-trips while symmetric padding keeps its short forms.
/// </summary>
public class AsymmetricPaddingTests
{
    // TensorFlow "same": out = ceil(in / s), the pad total max((out−1)·s + k − in, 0) split with the odd row below.
    [Fact]
    public void TensorFlowSamePaddingGivesCeilOfInputOverStride()
    {
        foreach (int input in Enumerable.Range(1, 300))
            foreach (int k in new[] { 1, 2, 3, 5, 7 })
                foreach (int s in new[] { 1, 2, 3 })
                {
                    int output = (input + s - 1) / s, total = Math.Max((output - 1) * s + k - input, 0);
                    var window = Window.Padded(k, k, s, s, total / 2, total - total / 2, total / 2, total - total / 2);
                    Assert.Equal((input, k, s, output), (input, k, s, window.OutputHeight(input)));
                    Assert.Equal(output, window.OutputWidth(input));
                }
    }

    [Theory]
    [InlineData(56, 3, 2, 0, 1, 28)]   // NASNet's stride-2 3x3 on an even grid: (0, 1)
    [InlineData(56, 7, 2, 2, 3, 28)]
    [InlineData(111, 5, 2, 2, 2, 56)]  // odd grid: symmetric
    [InlineData(56, 1, 2, -1, 1, 28)]  // the shifted path: pad one below, crop one above, 1x1/2 → odd rows
    [InlineData(111, 1, 2, -1, 1, 56)]
    [InlineData(10, 3, 1, -2, -2, 4)]  // a plain crop
    [InlineData(4, 1, 1, -4, 0, 0)]    // cropped away: no output
    public void OutputExtentCountsBothSides(int input, int k, int s, int before, int after, int expected) =>
        Assert.Equal(expected, Window.OutputExtent(input, k, s, before, after, 1));

    [Fact]
    public void SymmetricWindowsCompareEqualHoweverBuilt()
    {
        Assert.Equal(Window.Square(3, 2, 1), Window.Padded(3, 3, 2, 2, 1, 1, 1, 1));
        Assert.True(Window.Padded(3, 3, 2, 2, 1, 1, 1, 1).HasSymmetricPadding);
        Assert.NotEqual(Window.Square(3, 2, 1), Window.Padded(3, 3, 2, 2, 0, 1, 0, 1));
        Assert.False(Window.Padded(1, 1, 1, 1, -1, -1, 0, 0).HasSymmetricPadding); // a crop is never written short
        Assert.Equal("3x3/s2/p0,1,0,1", Window.Padded(3, 3, 2, 2, 0, 1, 0, 1).ToString());
    }

    private const string File = """
        # AccelSim workload (format: docs/workload-format.md)
        model: pads
        layers:
          - {name: input, kind: input, shape: [8, 56, 56]}
          - {name: same, kind: conv, input: input, out_channels: 8, kernel: 3, stride: 2, padding: [0, 1, 0, 1]}
          - {name: shifted, kind: avgpool, input: input, kernel: 1, stride: 2, padding: [-1, 1, -1, 1]}
          - {name: tall, kind: maxpool, input: input, kernel: 3, stride: 2, padding: [1, 1, 0, 1]}
          - {name: short, kind: conv, input: input, out_channels: 8, kernel: 3, padding: [1, 1, 1, 1]}

        """;

    [Fact]
    public void FourValuePaddingRoundTripsAndShortFormsStay()
    {
        string text = File.Replace("\r\n", "\n");
        var model = WorkloadYaml.Parse(text, "pads.yaml");
        Assert.Equal(new FeatureMap(8, 28, 28), model.Find("same")!.Output);
        Assert.Equal(new FeatureMap(8, 28, 28), model.Find("shifted")!.Output);
        Assert.Equal(new FeatureMap(8, 28, 28), model.Find("tall")!.Output);
        // The nest reads the padded rows it needs: (P−1)·s + R = 57, one padded row below the 56.
        var nest = model.Find("same")!.Problem!;
        Assert.Equal(new ProblemShape(1, 1, 8, 8, 28, 28, 3, 3, 2, 2), nest);
        Assert.Equal(57, nest.InputHeight);
        Assert.Equal(28L * 28 * 8 * 8 * 9, model.Find("same")!.Macs);
        // Symmetric padding given in four values is written in the short form, as every existing export is.
        Assert.Equal(text.Replace("padding: [1, 1, 1, 1]", "padding: 1"), WorkloadYaml.Write(model));
        Assert.Equal(WorkloadYaml.Write(model), WorkloadYaml.Write(WorkloadYaml.Parse(WorkloadYaml.Write(model), "again.yaml")));
    }
}
