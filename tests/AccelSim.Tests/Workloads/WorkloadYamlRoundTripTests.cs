using AccelSim.Workloads;
using AccelSim.Workloads.Yaml;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Workloads;

/// <summary>Every zoo model survives YAML export and reload unchanged, and the committed workloads/ files are fresh.</summary>
public class WorkloadYamlRoundTripTests
{
    public static TheoryData<string> ZooNames => new(ModelZoo.Names);

    [Theory]
    [MemberData(nameof(ZooNames))]
    public void ZooModelRoundTripsThroughYaml(string name)
    {
        var model = ModelZoo.Get(name);
        string text = WorkloadYaml.Write(model);
        var loaded = WorkloadYaml.Parse(text, $"{name}.yaml");
        Assert.Equal(model.Name, loaded.Name);
        Assert.Equal(model.Layers.Count, loaded.Layers.Count);
        foreach (var (a, b) in model.Layers.Zip(loaded.Layers))
        {
            // Records compare lists by reference, so compare the inputs by value and the rest with the lists swapped in.
            Assert.Equal(a.Layer.Inputs, b.Layer.Inputs);
            Assert.Equal(a.Layer with { }, SameInputs(b.Layer, a.Layer));
            Assert.Equal((a.Name, a.Kind, a.Output, a.Problem, a.Weights, a.Macs, a.InputActivations, a.OutputActivations, a.VectorOps),
                (b.Name, b.Kind, b.Output, b.Problem, b.Weights, b.Macs, b.InputActivations, b.OutputActivations, b.VectorOps));
        }
        Assert.Equal(text, WorkloadYaml.Write(loaded));
    }

    [Theory]
    [MemberData(nameof(ZooNames))]
    public void CommittedWorkloadFileIsAFreshExport(string name)
    {
        string path = Path.Combine(Figures.RepoRoot(), "workloads", name + ".yaml");
        Assert.True(File.Exists(path), $"{path} is missing: run `accelsim zoo export workloads`");
        Assert.True(WorkloadYaml.Write(ModelZoo.Get(name)) == File.ReadAllText(path),
            $"{path} is stale: run `accelsim zoo export workloads`");
    }

    [Fact]
    public void LoadReadsAFileAndNamesItInErrors()
    {
        string path = Path.Combine(Figures.RepoRoot(), "workloads", "alexnet.yaml");
        Assert.Equal(ModelZoo.Get("alexnet").TotalMacs, WorkloadYaml.Load(path).TotalMacs);
        var e = Assert.Throws<AccelSim.Common.InputException>(() => WorkloadYaml.Load("no/such/file.yaml"));
        Assert.StartsWith("no/such/file.yaml: ", e.Message);
    }

    private static Layer SameInputs(Layer loaded, Layer original) => loaded switch
    {
        AccelSim.Workloads.Layers.AddLayer add => add with { Operands = ((AccelSim.Workloads.Layers.AddLayer)original).Operands, Inputs = original.Inputs },
        AccelSim.Workloads.Layers.ConcatLayer cat => cat with { Operands = ((AccelSim.Workloads.Layers.ConcatLayer)original).Operands, Inputs = original.Inputs },
        _ => loaded with { Inputs = original.Inputs },
    };
}
