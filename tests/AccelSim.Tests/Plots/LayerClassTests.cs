using AccelSim.Plots;
using AccelSim.Reports;
using AccelSim.Tests.Support;

namespace AccelSim.Tests.Plots;

/// <summary>layers.csv's layer_class: what the figures colour by.</summary>
public class LayerClassTests
{
    [Fact]
    public void TransformerMatmulsSplitIntoAttentionAndWeightMatmuls()
    {
        var dir = CliRunner.TempDir();
        var (exit, _, error) = CliRunner.Run("run", "--model", "bert-base-encoder", "--arch", "eyeriss", "--out", dir, "--quiet");
        Assert.True(exit == 0, error);
        var folder = RunFolder.Load(dir);
        var classes = folder.Rows.ToDictionary(r => r["layer"], r => r["layer_class"]);
        // Two activations multiplied (no weights) are attention; projections and feed-forward layers multiply by weights.
        Assert.Equal(FigureLayerClass.Attention, classes["scores"]);
        Assert.Equal(FigureLayerClass.Attention, classes["context"]);
        foreach (string fc in new[] { "q_proj", "k_proj", "v_proj", "out_proj", "ffn_up", "ffn_down" }) Assert.Equal(FigureLayerClass.FullyConnected, classes[fc]);
        Assert.Equal(FigureLayerClass.Vector, classes["softmax"]);
        Assert.All(folder.Rows, r => Assert.Contains(r["layer_class"], FigureLayerClass.All));
    }
}
