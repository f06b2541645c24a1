using AccelSim.Workloads;
using AccelSim.Workloads.Layers;

namespace AccelSim.Tests.Workloads;

public class ModelGraphTests
{
    [Fact]
    public void ShapesChainThroughConvPoolAndFc()
    {
        var model = ModelGraph.Build("tiny", [
            new InputLayer("in", new FeatureMap(3, 32, 32)),
            new ConvLayer("c1", "in", 8, Window.Square(3, pad: 1)),
            new PoolLayer("p1", "c1", LayerKind.MaxPool, Window.Square(2, 2)),
            new FullyConnectedLayer("fc", "p1", 10),
        ]);
        Assert.Equal(new FeatureMap(8, 16, 16), model.Find("p1")!.Output);
        Assert.Equal(8L * 3 * 9 * 32 * 32 + 10L * 8 * 16 * 16, model.TotalMacs);
        Assert.Equal(8L * 3 * 9 + 10L * 8 * 16 * 16, model.TotalWeights);
    }

    [Fact]
    public void CycleIsReportedWithTheLayerName()
    {
        var e = Assert.Throws<WorkloadException>(() => ModelGraph.Build("loop", [
            new InputLayer("in", new FeatureMap(3, 8, 8)),
            new AddLayer("a", ["in", "b"]),
            new AddLayer("b", ["a", "in"]),
        ]));
        Assert.Contains("cycle", e.Message);
        // The path is named in edge order, closing on its first layer.
        Assert.Matches(@"the graph has a cycle \((a -> b -> a|b -> a -> b)\)", e.Message);
    }

    [Fact]
    public void MismatchedAddShapesAreRejected()
    {
        var e = Assert.Throws<WorkloadException>(() => ModelGraph.Build("bad", [
            new InputLayer("in", new FeatureMap(3, 8, 8)),
            new ConvLayer("c", "in", 4, Window.Square(1)),
            new AddLayer("a", ["in", "c"]),
        ]));
        Assert.Contains("layer 'a'", e.Message);
    }

    [Fact]
    public void DepthwiseConvHasOneInputChannelPerGroup()
    {
        var model = ModelGraph.Build("dw", [
            new InputLayer("in", new FeatureMap(32, 112, 112)),
            new ConvLayer("dw", "in", 32, Window.Square(3, 1, 1), Groups: 32),
        ]);
        var p = model.Find("dw")!.Problem!;
        Assert.Equal((32, 1, 1), (p.G, p.M, p.C));
        Assert.Equal(32L * 9 * 112 * 112, p.Macs);
    }
}
