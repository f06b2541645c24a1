using AccelSim.Common;

namespace AccelSim.Sweeps;

/// <summary>
/// The OS lock a running sweep holds on its folder: <c>.sweep.lock</c> opened with <see cref="FileShare.None"/> (an
/// exclusive flock on Linux), released by the OS when the process ends however it ends. A second sweep into the same
/// folder at the same time is refused; a later rerun (resume, added values) takes the lock again.
/// </summary>
public static class SweepLock
{
    /// <summary>The lock file's name inside a sweep folder.</summary>
    public const string FileName = ".sweep.lock";

    /// <summary>Creates <paramref name="folder"/> if needed and locks it; throws an <see cref="InputException"/> when another sweep holds it.</summary>
    public static IDisposable Acquire(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return new FileStream(Path.Combine(folder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (File.Exists(Path.Combine(folder, FileName)))
        {
            throw new InputException($"--out {folder}: another sweep is running into this folder (it holds {FileName}); wait for it or use another --out ({e.Message})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputException($"--out {folder}: cannot create the folder: {e.Message}");
        }
    }

    /// <summary>Deletes the named files, the lock file, and the folder when this run created it and it is empty.</summary>
    public static void Clean(string folder, bool created, IEnumerable<string> files)
    {
        try
        {
            foreach (string name in files.Append(FileName)) File.Delete(Path.Combine(folder, name));
            if (created && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
