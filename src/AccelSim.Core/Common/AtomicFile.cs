namespace AccelSim.Common;

/// <summary>Writes files under a temporary name and renames them into place, so a crash never leaves a half-written result.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically; unwritable paths become an InputException.</summary>
    public static void WriteAllText(string path, string content) => Write(path, temp => File.WriteAllText(temp, content));

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically; unwritable paths become an InputException.</summary>
    public static void WriteAllBytes(string path, byte[] content) => Write(path, temp => File.WriteAllBytes(temp, content));

    private static void Write(string path, Action<string> writeTemp)
    {
        string full = Path.GetFullPath(path);
        string temp = full + $".tmp-{Environment.ProcessId}";
        try
        {
            var dir = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            writeTemp(temp);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { if (File.Exists(temp)) File.Delete(temp); } catch (IOException) { }
            throw new InputException($"{path}: cannot write: {e.Message}");
        }
    }
}
