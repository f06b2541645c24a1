using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Pipeline;

namespace AccelSim.Sweeps;

/// <summary>What a sweep run did: points computed now, points found already done, and the final sweep.csv text.</summary>
public sealed record SweepRunResult(int Computed, int Skipped, string Csv);

/// <summary>
/// Runs a sweep into a folder: writes sweep.json, opens sweep.csv for resume, evaluates the missing points of the shard in
/// parallel (one point per core, each point's mapper single-threaded, so the cores are never oversubscribed), appends each
/// finished row, and rewrites sweep.csv in point order at the end.
/// </summary>
public static class SweepRunner
{
    /// <summary>The rows file of a sweep folder.</summary>
    public const string CsvName = "sweep.csv";

    /// <summary>The manifest of a sweep folder.</summary>
    public const string ManifestName = "sweep.json";

    /// <summary>
    /// Runs <paramref name="plan"/>'s points owned by <paramref name="shard"/>. <paramref name="progress"/> is told (done, total)
    /// after each point; <paramref name="onComputed"/> sees each point actually evaluated (from worker threads).
    /// </summary>
    public static SweepRunResult Run(SweepPlan plan, string folder, SweepShard shard, Action<int, int>? progress = null,
        Action<SweepPoint>? onComputed = null, int? parallelism = null)
    {
        if (File.Exists(folder)) throw new InputException($"--out {folder}: is a file, not a folder");
        var owned = plan.Points().Where(p => shard.Owns(p.Index)).ToList();
        // The folder is checked first: one holding another sweep is refused before anything in it is touched.
        var manifest = SweepManifest.Of(plan, shard);
        string manifestPath = Path.Combine(folder, ManifestName);
        if (File.Exists(manifestPath) && SweepManifest.Read(manifestPath).Setting is var earlier && earlier != manifest.Setting)
            throw new InputException($"--out {folder}: holds a sweep with {earlier}, not {manifest.Setting}; use another --out");
        bool fresh = !File.Exists(Path.Combine(folder, CsvName)), created = !Directory.Exists(folder);
        using var folderLock = SweepLock.Acquire(folder);
        try { return RunLocked(plan, folder, manifest, owned, progress, onComputed, parallelism); }
        catch (Exception) when (fresh && !HasRows(Path.Combine(folder, CsvName)))
        {
            // A sweep that fails before its first row leaves nothing behind (a later rerun starts clean anyway).
            folderLock.Dispose();
            SweepLock.Clean(folder, created, [CsvName, ManifestName]);
            throw;
        }
    }

    private static bool HasRows(string csv)
    {
        try { return File.Exists(csv) && File.ReadLines(csv).Skip(1).Any(); }
        catch (IOException) { return true; }
    }

    private static SweepRunResult RunLocked(SweepPlan plan, string folder, SweepManifest manifest, List<SweepPoint> owned,
        Action<int, int>? progress, Action<SweepPoint>? onComputed, int? parallelism)
    {
        var file = SweepFile.Open(Path.Combine(folder, CsvName), plan.Axes.Select(a => a.Key).ToArray(), owned);
        AtomicFile.WriteAllText(Path.Combine(folder, ManifestName), SweepManifest.ToJson(manifest));
        var pending = owned.Where(p => !file.Has(p)).ToList();
        int skipped = owned.Count - pending.Count, done = skipped;
        progress?.Invoke(done, owned.Count);
        var options = plan.Options with { Mapper = plan.Options.Mapper with { Threads = 1 } };
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount };
        try
        {
            Parallel.ForEach(pending, parallel, point =>
            {
                ModelRunResult run;
                try { run = ModelRunner.Run(plan.ModelFor(point), plan.ArchFor(point), options); }
                catch (MappingException e) { throw new InputException($"point {Describe(plan, point)}: {e.Message}"); }
                onComputed?.Invoke(point);
                file.Append(point, SweepCsv.Row(point, run, ArchVariants.SameShape(run.Arch, plan.Arch)));
                progress?.Invoke(Interlocked.Increment(ref done), owned.Count);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is InputException) is { } input)
        {
            throw input;
        }
        return new SweepRunResult(pending.Count, skipped, file.Finish());
    }

    /// <summary>"array=8x8 glb=64KB model=vgg16".</summary>
    public static string Describe(SweepPlan plan, SweepPoint point) =>
        string.Join(" ", plan.Axes.Select((a, i) => $"{a.Key}={point.Values[i].Text}").Append($"model={point.Model}"));
}
