using System.Security.Cryptography;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Pipeline;
using AccelSim.Sweeps;
using AccelSim.Tests.Support;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Tests.Robustness;

/// <summary>
/// Deterministic kills at injected points: a results folder is old or new, never a mix, and no temporary folder or file
/// survives the next command; a killed sweep resumes byte-identical; a concurrent second sweep is refused.
/// </summary>
public class KillTests
{
    private sealed class Killed : Exception;

    private static Dictionary<string, string> Hashes(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    private static string[] Run(string arch, string folder) => ["run", "--model", "lenet5", "--arch", arch, "--out", folder];

    [Theory]
    [InlineData("staged")]
    [InlineData("old-moved")]
    [InlineData("new-moved")]
    public void RunOverAnExistingFolderLeavesTheOldOrTheNewOneAndNoTempFiles(string step)
    {
        string parent = CliRunner.TempDir(), folder = Path.Combine(parent, "results"), fresh = Path.Combine(parent, "fresh");
        Assert.Equal(0, CliRunner.Run(Run("eyeriss", folder)).Exit);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "the user's own file");
        File.WriteAllText(Path.Combine(folder, "report.html.tmp-999999"), "a temp file of an older version");
        var old = Hashes(folder);
        Assert.Equal(0, CliRunner.Run(Run("simba", fresh)).Exit);
        var newer = Hashes(fresh);

        FolderSwap.KillPoint = (at, target) => { if (at == step && target == Path.GetFullPath(folder)) throw new Killed(); };
        try { Assert.Throws<Killed>(() => CliRunner.Run(Run("simba", folder))); }
        finally { FolderSwap.KillPoint = null; }

        // The next command that touches the folder (here: plot, a reader) recovers it first.
        Assert.Equal(0, CliRunner.Run("plot", folder).Exit);
        var now = Hashes(folder);
        now.Remove("notes.txt");
        bool isOld = now.Keys.Where(k => !k.Contains(".tmp-")).All(k => old.TryGetValue(k, out var h) && h == now[k]);
        bool isNew = now.Keys.All(k => newer.TryGetValue(k, out var h) && h == now[k]) && newer.Keys.All(now.ContainsKey);
        Assert.True(isOld ^ isNew, $"after a kill at {step} the folder is neither the old one nor the new one");
        Assert.Equal(step == "new-moved", isNew);

        Assert.Equal(0, CliRunner.Run(Run("simba", folder)).Exit);
        Assert.Equal(new[] { "fresh", "results" }, Directory.EnumerateFileSystemEntries(parent).Select(p => Path.GetFileName(p)!).Order().ToArray());
        Assert.DoesNotContain(Directory.EnumerateFiles(folder), f => f.Contains(".tmp-"));
        Assert.Equal("the user's own file", File.ReadAllText(Path.Combine(folder, "notes.txt")));
    }

    [Fact]
    public void ZooExportKilledBeforeTheSwapLeavesNoPartialFile()
    {
        string parent = CliRunner.TempDir(), folder = Path.Combine(parent, "zoo");
        FolderSwap.KillPoint = (at, target) => { if (at == "staged" && target == Path.GetFullPath(folder)) throw new Killed(); };
        try { Assert.Throws<Killed>(() => CliRunner.Run("zoo", "export", folder)); }
        finally { FolderSwap.KillPoint = null; }
        Assert.False(Directory.Exists(folder));
        Assert.Equal(0, CliRunner.Run("zoo", "export", folder).Exit);
        Assert.Equal(new[] { "zoo" }, Directory.EnumerateFileSystemEntries(parent).Select(p => Path.GetFileName(p)!).ToArray());
        Assert.All(Directory.GetFiles(folder), f => Assert.True(new FileInfo(f).Length > 0, f));
    }

    private static SweepPlan Plan()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        return new SweepPlan([ModelZoo.Get("lenet5")], arch, [SweepKeys.Parse("array=4x4,8x8", arch), SweepKeys.Parse("dram_bw=2,4", arch)], new ModelRunOptions());
    }

    [Fact]
    public void ASweepKilledAfterItsSecondRowResumesByteIdentical()
    {
        string whole = CliRunner.TempDir(), killed = CliRunner.TempDir();
        var uninterrupted = SweepRunner.Run(Plan(), whole, SweepShard.All);
        int rows = 0;
        void KillAtThird(SweepPoint _) { if (Interlocked.Increment(ref rows) == 3) throw new Killed(); }
        Assert.ThrowsAny<Exception>(() => SweepRunner.Run(Plan(), killed, SweepShard.All, onComputed: KillAtThird, parallelism: 1));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(killed, "sweep.csv")).Length); // header + the two rows written before the kill

        var resumed = SweepRunner.Run(Plan(), killed, SweepShard.All);
        Assert.Equal((2, 2), (resumed.Computed, resumed.Skipped));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "sweep.csv")), File.ReadAllBytes(Path.Combine(killed, "sweep.csv")));
    }

    [Fact]
    public void ASecondSweepIntoAFolderInUseIsRefusedAndALaterRerunResumes()
    {
        string dir = CliRunner.TempDir();
        using (SweepLock.Acquire(dir))
        {
            var refused = CliRunner.Run("sweep", "--model", "lenet5", "--set", "array=4x4", "--out", dir);
            InputErrorAssert.Holds(refused, dir, "another sweep is running into this folder");
            Assert.False(File.Exists(Path.Combine(dir, "sweep.csv")));
        }
        var (exit, _, error) = CliRunner.Run("sweep", "--model", "lenet5", "--set", "array=4x4", "--out", dir);
        Assert.True(exit == 0, error);
        var (exit2, output, error2) = CliRunner.Run("sweep", "--model", "lenet5", "--set", "array=4x4,8x8", "--out", dir);
        Assert.True(exit2 == 0, error2);
        Assert.Contains("1 points computed, 1 already done", output);
    }
}
