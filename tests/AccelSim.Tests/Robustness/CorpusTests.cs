using System.Text;
using AccelSim.Tests.Support;
using AccelSim.Tests.Workloads;

namespace AccelSim.Tests.Robustness;

/// <summary>
/// The bad-input corpus and seeded mutants of every shipped file, run in-process. Each bad input exits 2 with one error line
/// naming the file or argument and the field, and writes nothing; each mutant completes or exits 2 the same way. A case
/// that takes longer than 30 s counts as a hang. Failures are collected so that one run lists them all.
/// </summary>
public class CorpusTests
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public void EveryBadInputIsOneErrorLineAndWritesNothing()
    {
        var cases = BadInputCorpus.All().ToList();
        Assert.True(cases.Count >= 300, $"the corpus has {cases.Count} cases");
        var failures = new List<string>();
        foreach (var bad in cases)
        {
            string dir = CliRunner.TempDir();
            foreach (var (name, text) in bad.Files)
            {
                string path = Path.Combine(dir, name);
                if (text is null) Directory.CreateDirectory(path);
                else File.WriteAllText(path, text);
            }
            string before = Snapshot(dir);
            var args = bad.Args.Select(a => a.Replace("{dir}", dir)).ToArray();
            var result = RunWithin(args);
            string? problem = result is null ? "hang (over 30 s)"
                : InputErrorAssert.Check(result.Value, bad.Mentions.Select(m => m.Replace("{dir}", dir)).ToArray());
            if (problem is null && Snapshot(dir) != before) problem = "wrote or changed files";
            if (problem is not null) failures.Add($"{bad.Name}: {problem}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases fail:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("workload")]
    [InlineData("mapping")]
    public void TheCorpusBasesAreValid(string format)
    {
        // The bad inputs are edits of these: were a base invalid, its cases would fail for the wrong reason.
        string file = Path.Combine(CliRunner.TempDir(), "base.yaml");
        File.WriteAllText(file, format == "workload" ? BadInputCorpus.Workload : BadInputCorpus.Mapping);
        var (exit, _, error) = CliRunner.Run(BadInputCorpus.Reader(format, file));
        Assert.True(exit == 0, error);
    }

    [Fact]
    public void SeededMutantsOfEveryShippedFileCompleteOrFailCleanly()
    {
        string root = Figures.RepoRoot();
        var sources = Directory.GetFiles(Path.Combine(root, "arch-configs"), "*.yaml").Select(f => (File: f, Format: "arch", Count: 25))
            .Concat(Directory.GetFiles(Path.Combine(root, "workloads"), "*.yaml").Select(f => (File: f, Format: "workload", Count: 6)))
            .Concat(Directory.GetFiles(Path.Combine(root, "dataflows"), "*.yaml").Select(f => (File: f, Format: "dataflow", Count: 10)))
            .Append((File: "", Format: "mapping", Count: 40)).OrderBy(s => s.File, StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        int runs = 0, completed = 0;
        foreach (var (file, format, count) in sources)
        {
            string text = format == "mapping" ? BadInputCorpus.Mapping : File.ReadAllText(file);
            var random = new Random(Path.GetFileName(file).Length * 7919 + count);
            for (int i = 0; i < count; i++)
            {
                string dir = CliRunner.TempDir();
                string path = Path.Combine(dir, "mutant.yaml");
                File.WriteAllBytes(path, Mutants.Make(Encoding.UTF8.GetBytes(text), random));
                var result = RunWithin(BadInputCorpus.Reader(format, path));
                runs++;
                if (result?.Exit == 0) completed++;
                string? problem = result is null ? "hang (over 30 s)"
                    : result.Value.Exit == 0 ? null : InputErrorAssert.Check(result.Value);
                if (problem is not null) failures.Add($"{format} {Path.GetFileName(file)} mutant {i} ({path}): {problem}");
                else Directory.Delete(dir, recursive: true);
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {runs} mutants fail:\n" + string.Join("\n", failures));
        // Both outcomes occur, so the mutants neither all break the file nor all leave it unchanged in effect.
        Assert.InRange(completed, runs / 20, runs - runs / 20);
    }

    private static (int Exit, string Out, string Err)? RunWithin(string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(args));
        return run.Wait(HangLimit) ? run.Result : null;
    }

    // Names, sizes and contents of everything below the folder.
    private static string Snapshot(string dir) => string.Join("\n", Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Select(p => File.Exists(p) ? $"{p} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p)))}" : p + "/"));
}
