using AccelSim.Architecture;
using AccelSim.Sweeps;
using AccelSim.Tests.Support;
using AccelSim.Workloads;

namespace AccelSim.Tests.Sweeps;

/// <summary>Sweep keys, the architecture variants they make, and bad input (exit 2, one line).</summary>
public class SweepInputTests
{
    private static readonly Accelerator Eyeriss = ArchitectureLibrary.Load("eyeriss");

    private static Accelerator Apply(string set, int value = 0) => SweepKeys.Parse(set, Eyeriss).Values[value].Apply(Eyeriss);

    [Fact]
    public void Array_resizes_the_largest_fanout_as_rows_by_columns()
    {
        var arch = Apply("array=8x4");
        // 8 rows (Y) by 4 columns (X), as papers write eyeriss' 12x14.
        Assert.Equal((4, 8), (arch.Levels[1].FanoutX, arch.Levels[1].FanoutY));
        Assert.Equal(32, arch.MacUnits);
        Assert.Equal(168, Eyeriss.MacUnits);
    }

    [Fact]
    public void Glb_sets_the_largest_sram_in_words_or_bytes()
    {
        Assert.Equal(32768, Apply("glb=64KB").Levels[1].Storage.CapacityWords);
        Assert.Equal(1000, Apply("glb=64KB,1000", 1).Levels[1].Storage.CapacityWords);
    }

    [Fact]
    public void Rf_scales_a_partitioned_register_file_proportionally()
    {
        // Eyeriss' spads are 224 weights + 12 inputs + 24 outputs = 260 words; doubling doubles every partition.
        var parts = Apply("rf=520").Levels[2].Storage.PartitionWords!;
        Assert.Equal((448L, 24L, 48L), (parts[TensorKind.Weights], parts[TensorKind.Inputs], parts[TensorKind.Outputs]));
        var shared = SweepKeys.Parse("rf=1KB", ArchitectureLibrary.Load("eyeriss-isca2016")).Values[0].Apply(ArchitectureLibrary.Load("eyeriss-isca2016"));
        Assert.Equal(512, shared.Levels[2].Storage.CapacityWords);
    }

    [Fact]
    public void Dram_bw_sets_read_and_write_bandwidth()
    {
        var dram = Apply("dram_bw=1.5").Levels[0].Storage;
        Assert.Equal((1.5, 1.5), (dram.ReadBandwidth, dram.WriteBandwidth));
    }

    [Theory]
    [InlineData("--set", "foo=1,2", "--set foo=1,2: unknown key 'foo'")]
    [InlineData("--set", "array=8by8", "--set array=8by8: array value '8by8'")]
    [InlineData("--set", "glb=-5", "--set glb=-5: glb value '-5'")]
    [InlineData("--set", "dram_bw=0", "--set dram_bw=0: dram_bw value '0'")]
    [InlineData("--set", "array", "--set array: expected KEY=V1,V2")]
    [InlineData("--shard", "4/3", "--shard 4/3")]
    [InlineData("--model", "no-such-model", "no-such-model")]
    public void Bad_input_exits_2_with_one_line(string option, string value, string expected)
    {
        string[] args = ["sweep", "--model", "lenet5", "--set", "array=4x4", "--out", CliRunner.TempDir()];
        int at = Array.IndexOf(args, option);
        if (at >= 0) args[at + 1] = value;
        else args = [.. args, option, value];
        var (exit, _, err) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, err);
    }
}
