using AccelSim.Cli;
using AccelSim.Workloads;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Workloads;

/// <summary>`accelsim zoo` through <see cref="CliApp.Run"/> with captured output.</summary>
public class ZooCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Support.CliRunner.Run(args);

    [Fact]
    public void CsvHasExactlyTheDocumentedColumnsAndOneRowPerModel()
    {
        var (code, output, _) = Run("zoo", "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("model,conv_layers,fc_layers,weights,macs", lines[0]);
        Assert.Equal(ModelZoo.Entries.Count, lines.Count - 1);
        var resnet = ModelSummary.Of(ModelZoo.Get("resnet50"));
        Assert.Contains($"resnet50,{resnet.ConvLayers},{resnet.FcLayers},{resnet.Weights},{resnet.Macs}", lines);
        Assert.Contains("alexnet,5,3,60954656,724406816", lines);
    }

    [Fact]
    public void TableListsEveryModel()
    {
        var (code, output, _) = Run("zoo");
        Assert.Equal(0, code);
        Assert.All(ModelZoo.Names, n => Assert.Contains(n, output));
    }

    [Fact]
    public void ModelShowsItsLayers()
    {
        var (code, output, _) = Run("zoo", "alexnet");
        Assert.Equal(0, code);
        Assert.Contains("N1 G2 M128 C48 P27 Q27 R5 S5", output); // conv2's loop nest
        Assert.Contains("307,200", output);
        Assert.Contains("pool5", output);
    }

    [Fact]
    public void ModelAcceptsAWorkloadFile()
    {
        string path = Path.Combine(Figures.RepoRoot(), "workloads", "resnet18.yaml");
        var (code, output, _) = Run("zoo", path, "--format", "csv");
        Assert.Equal(0, code);
        Assert.StartsWith("layer,kind,shape,weights,macs,input_activations,output_activations", output);
        Assert.Contains("res5b_branch2b,Conv,N1 G1 M512 C512 P7 Q7 R3 S3,2359296,115605504,25088,25088", output);
    }

    [Fact]
    public void ExportWritesEveryListedModel()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"accelsim-zoo-{Guid.NewGuid():N}");
        try
        {
            var (code, _, _) = Run("zoo", "export", dir);
            Assert.Equal(0, code);
            Assert.Equal(ModelZoo.Entries.Count, Directory.GetFiles(dir, "*.yaml").Length);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }
}
