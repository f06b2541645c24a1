using System.Diagnostics;

namespace AccelSim.Common;

/// <summary>
/// Replaces a results folder as a whole (docs/results-folders.md). The new files are written into a private sibling,
/// <c>.NAME.new-PID</c>, together with copies of whatever else the old folder held; then the old folder is renamed to
/// <c>.NAME.old</c>, the new one to NAME, and the old one deleted. A reader therefore finds the old folder or the new one,
/// never a mix. A process killed between the renames leaves <c>.NAME.old</c> without NAME: the next command that writes
/// or reads the folder renames it back (the interrupted write is rolled back) and deletes stale staging folders; when
/// NAME exists beside <c>.NAME.old</c> the swap had finished and only the deletion is redone.
/// </summary>
public static class FolderSwap
{
    /// <summary>
    /// Test hook: called with the step ("staged", "old-moved", "new-moved") and the target folder; a test throws from it
    /// to act as a kill there (nothing below catches that exception, so nothing is cleaned up, as with a real kill).
    /// </summary>
    internal static Action<string, string>? KillPoint { get; set; }

    /// <summary>Writes <paramref name="files"/> into <paramref name="folder"/> (created or replaced as a whole).</summary>
    public static void Write(string folder, IReadOnlyDictionary<string, string> files, string argument = "--out") =>
        Write(folder, files.Keys.ToHashSet(), (name, path) => File.WriteAllText(path, files[name]), argument);

    /// <summary>Binary files (ONNX graphs) into <paramref name="folder"/>, created or replaced as a whole.</summary>
    public static void Write(string folder, IReadOnlyDictionary<string, byte[]> files, string argument) =>
        Write(folder, files.Keys.ToHashSet(), (name, path) => File.WriteAllBytes(path, files[name]), argument);

    private static void Write(string folder, IReadOnlySet<string> files, Action<string, string> writeFile, string argument)
    {
        string target = Path.GetFullPath(folder.TrimEnd('/', '\\') is { Length: > 0 } t ? t : folder);
        string cwd = Path.GetFullPath(Directory.GetCurrentDirectory());
        if (cwd == target || cwd.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InputException($"{argument} {folder}: is the current directory or holds it; give a folder below it");
        if (File.Exists(target)) throw new InputException($"{argument} {folder}: is a file, not a folder");
        Recover(target);
        string parent = Path.GetDirectoryName(target)!, name = Path.GetFileName(target);
        string staging = Path.Combine(parent, $".{name}.new-{Environment.ProcessId}"), old = OldPath(target);
        bool parentCreated = !Directory.Exists(parent);
        try
        {
            Directory.CreateDirectory(parent);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            Directory.CreateDirectory(staging);
            if (Directory.Exists(target)) CopyOthers(target, staging, files);
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                string path = Path.Combine(staging, file);
                if (Directory.Exists(Path.Combine(target, file)))
                    throw new InputException($"{argument} {folder}: holds a folder named {file} where a file must go");
                writeFile(file, path);
            }
            KillPoint?.Invoke("staged", target);
            if (Directory.Exists(target))
            {
                Directory.Move(target, old);
                KillPoint?.Invoke("old-moved", target);
                Directory.Move(staging, target);
                KillPoint?.Invoke("new-moved", target);
                Directory.Delete(old, recursive: true);
            }
            else Directory.Move(staging, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InputException or ArgumentException or NotSupportedException)
        {
            // Nothing half-done stays behind: the staging folder goes, an old folder moved aside comes back.
            TryDelete(staging);
            if (Directory.Exists(old) && !Directory.Exists(target)) Directory.Move(old, target);
            if (parentCreated && Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any()) TryDelete(parent);
            if (e is InputException) throw;
            throw new InputException($"{argument} {folder}: cannot write: {e.Message}");
        }
    }

    /// <summary>Completes or rolls back a swap a killed process left behind (see the type's summary); safe to call always.</summary>
    public static void Recover(string folder)
    {
        string target = Path.GetFullPath(folder.TrimEnd('/', '\\') is { Length: > 0 } t ? t : folder);
        string parent = Path.GetDirectoryName(target) ?? "", name = Path.GetFileName(target), old = OldPath(target);
        if (name.Length == 0 || !Directory.Exists(parent)) return;
        try
        {
            if (Directory.Exists(old))
            {
                if (Directory.Exists(target)) Directory.Delete(old, recursive: true);
                else Directory.Move(old, target);
            }
            foreach (string staging in Directory.EnumerateDirectories(parent, $".{name}.new-*"))
                if (!int.TryParse(staging[(staging.LastIndexOf('-') + 1)..], out int pid) || !Alive(pid)) TryDelete(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{folder}: cannot recover an interrupted write: {e.Message}");
        }
    }

    private static string OldPath(string target) => Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.old");

    // Everything the old folder holds that the new files do not replace (a user's notes, a sweep's other files) moves on;
    // temporary files of older AccelSim versions do not.
    private static void CopyOthers(string from, string to, IReadOnlySet<string> replaced)
    {
        foreach (string file in Directory.EnumerateFiles(from))
        {
            string name = Path.GetFileName(file);
            if (!replaced.Contains(name) && !name.Contains(".tmp-", StringComparison.Ordinal)) File.Copy(file, Path.Combine(to, name));
        }
        foreach (string dir in Directory.EnumerateDirectories(from))
        {
            string name = Path.GetFileName(dir);
            if (replaced.Contains(name)) continue;
            Directory.CreateDirectory(Path.Combine(to, name));
            CopyOthers(dir, Path.Combine(to, name), new HashSet<string>());
        }
    }

    private static bool Alive(int pid)
    {
        if (pid == Environment.ProcessId) return false; // this process is not writing it: it recovers before it stages
        try { using var process = Process.GetProcessById(pid); return !process.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static void TryDelete(string dir)
    {
        try { if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
