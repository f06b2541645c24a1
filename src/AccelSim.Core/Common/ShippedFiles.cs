namespace AccelSim.Common;

/// <summary>
/// Finds files shipped with AccelSim (arch-configs/NAME.yaml, workloads/NAME.yaml) from any working directory, so that
/// `accelsim arch eyeriss` works in a clone, in the build output and in the installed dotnet tool alike.
/// Search order: an explicit path that exists; the folder beside the running assembly (the CLI copies arch-configs/**
/// and workloads/** to its output and packs them into the tool); the nearest ancestor of the current directory that
/// holds the folder (a clone).
/// </summary>
public static class ShippedFiles
{
    /// <summary>Folder of the shipped architecture configs.</summary>
    public const string ArchConfigs = "arch-configs";

    /// <summary>Folder of the zoo's workload files.</summary>
    public const string Workloads = "workloads";

    /// <summary>Resolves a shipped architecture config by name or path.</summary>
    public static string ResolveArch(string nameOrPath) => Resolve(ArchConfigs, nameOrPath, "architecture");

    /// <summary>Resolves a zoo workload by name or path.</summary>
    public static string ResolveWorkload(string nameOrPath) => Resolve(Workloads, nameOrPath, "workload");

    /// <summary>
    /// The file for <paramref name="nameOrPath"/>: the path itself when it exists, else NAME.yaml (or NAME as given when
    /// it ends in .yaml/.yml) in the shipped <paramref name="folder"/>. Throws <see cref="InputException"/> listing the
    /// available names when nothing matches.
    /// </summary>
    public static string Resolve(string folder, string nameOrPath, string what)
    {
        if (string.IsNullOrWhiteSpace(nameOrPath)) throw new InputException($"no {what} given; available: {Available(folder)}");
        if (File.Exists(nameOrPath)) return Path.GetFullPath(nameOrPath);

        // A path with a directory part that does not exist is a missing file, not a name.
        bool looksLikePath = nameOrPath.Contains('/') || nameOrPath.Contains('\\');
        if (Directory.Exists(nameOrPath) && (looksLikePath || HasYamlExtension(nameOrPath)))
            throw new InputException($"{nameOrPath}: is a folder, expected a file");
        string fileName = HasYamlExtension(nameOrPath) ? nameOrPath : nameOrPath + ".yaml";
        if (!looksLikePath && FindFolder(folder) is { } dir)
        {
            string candidate = Path.Combine(dir, fileName);
            if (File.Exists(candidate)) return candidate;
            // Names are matched case-insensitively so that `Eyeriss` finds eyeriss.yaml on case-sensitive file systems.
            var match = Directory.EnumerateFiles(dir).FirstOrDefault(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.OrdinalIgnoreCase));
            if (match is not null) return match;
        }
        throw new InputException(looksLikePath || HasYamlExtension(nameOrPath)
            ? $"{nameOrPath}: no such file (shipped {what}s: {Available(folder)})"
            : $"unknown {what} '{nameOrPath}'; available: {Available(folder)}");
    }

    /// <summary>Names (file names without .yaml) of the shipped files in <paramref name="folder"/>, sorted.</summary>
    public static IReadOnlyList<string> Names(string folder) =>
        FindFolder(folder) is { } dir
            ? Directory.EnumerateFiles(dir, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>The shipped folder, or null when neither the build output nor an ancestor directory has it.</summary>
    public static string? FindFolder(string folder)
    {
        string beside = Path.Combine(AppContext.BaseDirectory, folder);
        if (Directory.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, folder);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string Available(string folder)
    {
        var names = Names(folder);
        return names.Count == 0 ? $"none (no {folder}/ folder found)" : string.Join(", ", names);
    }

    private static bool HasYamlExtension(string name) =>
        name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}
