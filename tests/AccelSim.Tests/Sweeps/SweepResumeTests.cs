using System.Text;
using AccelSim.Architecture;
using AccelSim.Pipeline;
using AccelSim.Sweeps;
using AccelSim.Tests.Support;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Sweeps;

/// <summary>Resume and shards: an interrupted sweep, or one run as shards and merged, ends byte-identical to an uninterrupted run.</summary>
public class SweepResumeTests
{
    private static readonly string[] Args = ["sweep", "--model", "lenet5", "--arch", "eyeriss", "--set", "array=4x4,8x8,12x14", "--set", "dram_bw=2,4"];

    private static string[] With(params string[] extra) => [.. Args, .. extra];

    private static readonly Lazy<(string Folder, byte[] Csv)> Uninterrupted = new(() =>
    {
        var dir = CliRunner.TempDir();
        var (exit, _, err) = CliRunner.Run(With("--out", dir));
        Assert.True(exit == 0, err);
        return (dir, File.ReadAllBytes(Path.Combine(dir, "sweep.csv")));
    });

    [Fact]
    public void Uninterrupted_sweep_has_one_row_per_point_in_point_order()
    {
        var lines = Encoding.UTF8.GetString(Uninterrupted.Value.Csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("point,array,dram_bw,model,", lines[0]);
        for (int i = 1; i < lines.Length; i++) Assert.StartsWith($"{i - 1},", lines[i]);
        Assert.StartsWith("0,4x4,2,lenet5,", lines[1]);
        Assert.StartsWith("1,4x4,4,lenet5,", lines[2]);
        foreach (var plot in new[] { "latency-vs-array.svg", "energy-vs-dram_bw.svg", "utilization-vs-array.svg" })
            Assert.True(File.Exists(Path.Combine(Uninterrupted.Value.Folder, plot)), plot);
    }

    [Fact]
    public void Sweep_figures_plot_their_csv_and_the_report_says_where_each_model_is_fastest()
    {
        string dir = Uninterrupted.Value.Folder;
        var manifest = SweepManifest.Read(Path.Combine(dir, SweepRunner.ManifestName));
        var figures = SweepFigures.Figures(manifest, File.ReadAllText(Path.Combine(dir, SweepRunner.CsvName)));
        Assert.Equal(6, figures.Count);
        foreach (var figure in figures)
        {
            AccelSim.Tests.Plots.PlottedData.AssertMatchesCsv(figure);
            Assert.Equal(figure.Csv, File.ReadAllText(Path.Combine(dir, figure.Name + ".csv")));
            Assert.True(new FileInfo(Path.Combine(dir, figure.Name + ".png")).Length > 1000, figure.Name);
        }
        string html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.Contains("lenet5: fastest at array ", html);
        Assert.Contains("Points (sweep.csv)", html);
    }

    [Fact]
    public void A_manifest_without_a_search_reads_as_the_fast_one_and_an_unknown_search_is_refused()
    {
        string text = File.ReadAllText(Path.Combine(Uninterrupted.Value.Folder, SweepRunner.ManifestName));
        var dir = CliRunner.TempDir();
        string older = Path.Combine(dir, "older.json"), wrong = Path.Combine(dir, "wrong.json");
        File.WriteAllText(older, text.Replace("  \"search\": \"exhaustive\",\n", ""));
        Assert.DoesNotContain("search", File.ReadAllText(older));
        Assert.Equal(SweepManifest.FastSearch, SweepManifest.Read(older).Search);
        File.WriteAllText(wrong, text.Replace("\"search\": \"exhaustive\"", "\"search\": \"greedy\""));
        var e = Assert.Throws<AccelSim.Common.InputException>(() => SweepManifest.Read(wrong));
        Assert.Equal($"{wrong}: search: expected \"fast\" or \"exhaustive\", got \"greedy\"", e.Message);
    }

    [Fact]
    public void A_killed_and_resumed_sweep_is_byte_identical_to_an_uninterrupted_one()
    {
        var dir = CliRunner.TempDir();
        // What a kill leaves: rows in completion order (not point order), the last ones missing, the last line half-written.
        var lines = Encoding.UTF8.GetString(Uninterrupted.Value.Csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var killed = new StringBuilder(lines[0] + "\n");
        foreach (var row in new[] { lines[3], lines[1], lines[5] }) killed.Append(row).Append('\n');
        killed.Append(lines[2][..(lines[2].Length / 2)]);
        File.WriteAllText(Path.Combine(dir, "sweep.csv"), killed.ToString());

        var (exit, output, err) = CliRunner.Run(With("--out", dir));

        Assert.True(exit == 0, err);
        Assert.Contains("3 points computed, 3 already done", output);
        Assert.Equal(Uninterrupted.Value.Csv, File.ReadAllBytes(Path.Combine(dir, "sweep.csv")));
    }

    [Fact]
    public void Rerunning_computes_only_the_missing_points()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        var plan = new SweepPlan([ModelZoo.Get("lenet5")], arch,
            [SweepKeys.Parse("array=4x4,8x8", arch), SweepKeys.Parse("rf=130,260,520", arch)], new ModelRunOptions());
        var dir = CliRunner.TempDir();
        var computed = new List<string>();
        void Count(SweepPoint p) { lock (computed) computed.Add(p.Key); }

        var first = SweepRunner.Run(plan, dir, SweepShard.All, onComputed: Count);
        Assert.Equal((6, 0), (first.Computed, first.Skipped));
        var path = Path.Combine(dir, "sweep.csv");
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines.Where((_, i) => i != 2 && i != 5));
        computed.Clear();

        var second = SweepRunner.Run(plan, dir, SweepShard.All, onComputed: Count);

        Assert.Equal((2, 4), (second.Computed, second.Skipped));
        var points = plan.Points();
        Assert.Equal(new[] { points[1].Key, points[4].Key }.Order(), computed.Order());
        Assert.Equal(first.Csv, second.Csv);
        Assert.Equal((0, 6), (SweepRunner.Run(plan, dir, SweepShard.All).Computed, SweepRunner.Run(plan, dir, SweepShard.All).Skipped));
    }

    [Fact]
    public void Adding_values_to_an_axis_runs_only_the_new_points_and_renumbers_the_old_ones()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("sweep", "--model", "lenet5", "--arch", "eyeriss", "--set", "array=4x4,12x14", "--set", "dram_bw=2,4", "--out", dir).Exit);

        var (exit, output, err) = CliRunner.Run(With("--out", dir));

        Assert.True(exit == 0, err);
        Assert.Contains("2 points computed, 4 already done", output);
        Assert.Equal(Uninterrupted.Value.Csv, File.ReadAllBytes(Path.Combine(dir, "sweep.csv")));
    }

    [Fact]
    public void Shards_are_disjoint_and_merge_into_the_unsharded_sweep()
    {
        var root = CliRunner.TempDir();
        var shards = Enumerable.Range(1, 3).Select(k => Path.Combine(root, $"shard-{k}")).ToArray();
        for (int k = 1; k <= 3; k++)
        {
            var (exit, _, err) = CliRunner.Run(With("--shard", $"{k}/3", "--out", shards[k - 1]));
            Assert.True(exit == 0, err);
        }
        var rowsPerShard = shards.Select(s => File.ReadAllLines(Path.Combine(s, "sweep.csv")).Skip(1).ToArray()).ToArray();
        Assert.All(rowsPerShard, rows => Assert.Equal(2, rows.Length));
        Assert.Equal(6, rowsPerShard.SelectMany(r => r).Distinct().Count());

        var merged = Path.Combine(root, "merged");
        var (mergeExit, mergeOut, mergeErr) = CliRunner.Run(["merge", merged, .. shards.Reverse()]);

        Assert.True(mergeExit == 0, mergeErr);
        Assert.Contains("merged 6 of 6 points", mergeOut);
        Assert.Equal(Uninterrupted.Value.Csv, File.ReadAllBytes(Path.Combine(merged, "sweep.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(Uninterrupted.Value.Folder, "latency-vs-array.svg")),
            File.ReadAllText(Path.Combine(merged, "latency-vs-array.svg")));
    }

    [Fact]
    public void Merging_an_incomplete_set_of_shards_warns_with_the_missing_points()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run(With("--shard", "2/3", "--out", dir)).Exit);
        var (exit, output, _) = CliRunner.Run("merge", Path.Combine(dir, "merged"), dir);
        Assert.Equal(0, exit);
        Assert.Contains("merged 2 of 6 points", output);
        Assert.Contains("warning: 4 points missing (indexes 0, 2, 3, 5)", output);
    }

    [Fact]
    public void A_folder_holding_another_sweep_is_refused_and_so_is_merging_different_sweeps()
    {
        var other = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run("sweep", "--model", "lenet5", "--arch", "eyeriss", "--set", "dram_bw=2", "--out", other).Exit);

        var (exit, _, err) = CliRunner.Run(With("--out", other));
        Assert.Equal(2, exit);
        Assert.Contains("holds a sweep with other columns", err);

        var (batchExit, _, batchErr) = CliRunner.Run("sweep", "--model", "lenet5", "--arch", "eyeriss", "--set", "dram_bw=2", "--batch", "2", "--out", other);
        Assert.Equal(2, batchExit);
        Assert.Contains("holds a sweep with arch eyeriss, batch 1, dataflow default, search exhaustive, not arch eyeriss, batch 2", batchErr);

        // A resumed sweep never mixes the two searches: the folder records which one its rows came from.
        Assert.Contains("\"search\": \"exhaustive\"", File.ReadAllText(Path.Combine(other, "sweep.json")));
        var (searchExit, _, searchErr) = CliRunner.Run("sweep", "--model", "lenet5", "--arch", "eyeriss", "--set", "dram_bw=2", "--fast", "--out", other);
        Assert.Equal(2, searchExit);
        Assert.Contains("holds a sweep with arch eyeriss, batch 1, dataflow default, search exhaustive, not arch eyeriss, batch 1, dataflow default, search fast", searchErr);

        var (mergeExit, _, mergeErr) = CliRunner.Run("merge", Path.Combine(other, "merged"), Uninterrupted.Value.Folder, other);
        Assert.Equal(2, mergeExit);
        Assert.Contains("belongs to a different sweep", mergeErr);
    }
}
