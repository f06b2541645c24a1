using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Pipeline;
using AccelSim.Search;
using AccelSim.Tests.Support;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Simulation;

/// <summary>Issue 5's cross-check on a sample of real layers: simulator counts equal the analytical model's, cycles above both bounds.</summary>
public class ModelVerificationTests
{
    [Theory]
    [InlineData("vgg16", new[] { "conv1_1", "conv3_2", "conv5_3", "fc8" })]
    [InlineData("resnet50", new[] { "conv1", "res2a_branch2a", "res3a_branch1", "res4b_branch2b", "fc" })]
    [InlineData("mobilenet-v1", new[] { "conv1", "conv2_dw", "conv2_pw", "conv14_dw", "fc" })]
    public void SampleLayersAgree(string model, string[] layers)
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var graph = ModelZoo.Get(model);
        foreach (var name in layers)
        {
            var layer = graph.Find(name)!;
            var mapping = Mapper.Search(layer.Problem!, arch, Dataflows.RowStationary, new MapperOptions { SpatialCandidates = 4 }).Mapping;
            var check = ModelVerification.Verify(layer.Name, layer.Problem!, arch, mapping);
            Assert.True(check.CountsEqual, $"{model}/{layer.Name}: {check.Difference}");
            Assert.True(check.CyclesAboveBounds, $"{model}/{layer.Name}: {check.SimulatedCycles} vs {check.ComputeBound}/{check.BandwidthBound}");
        }
    }

    [Fact]
    public void VerifyCommandReportsEveryLayerAndExitsZeroWhenAllAgree()
    {
        var (exit, output, error) = CliRunner.Run("verify", "--model", "lenet5", "--arch", "eyeriss");
        Assert.True(exit == 0, error);
        Assert.Contains("all 5 MAC layers agree", output);
    }
}
