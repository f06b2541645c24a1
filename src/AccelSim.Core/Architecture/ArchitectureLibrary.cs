using AccelSim.Architecture.Timeloop;
using AccelSim.Architecture.Yaml;
using AccelSim.Common;

namespace AccelSim.Architecture;

/// <summary>Loads shipped architectures by name (eyeriss, tpu-v1, ...) or any arch file by path.</summary>
public static class ArchitectureLibrary
{
    /// <summary>Names of the shipped configs under arch-configs/.</summary>
    public static IReadOnlyList<string> Names => ShippedFiles.Names(ShippedFiles.ArchConfigs);

    /// <summary>Loads <paramref name="nameOrPath"/>: an existing path, or a shipped config's name.</summary>
    /// <param name="nameOrPath">Shipped name or arch file.</param>
    /// <param name="energyTable">A built-in energy table replacing the file's (<c>--energy-table</c>), or null.</param>
    /// <param name="ert">An Accelergy ERT pricing a Timeloop architecture (<c>--ert</c>), or null.</param>
    /// <param name="constraintsFile">A <c>--constraints</c> file adding to or overriding the levels' constraints, or null.</param>
    public static Accelerator Load(string nameOrPath, string? energyTable = null, string? ert = null, string? constraintsFile = null)
    {
        // Timeloop's flattened specifications: by prefix, or recognized by their top-level architecture: key.
        if (TimeloopPath(nameOrPath) is { } timeloop) return ConstraintFile.Apply(TimeloopArchitecture.Load(timeloop, ert, energyTable), constraintsFile);
        // Resolve first: a missing file is reported as missing, not as the wrong kind of architecture.
        string path = ShippedFiles.ResolveArch(nameOrPath);
        if (ert is not null) throw new InputException($"--ert: {ert}: an ERT prices Timeloop architectures only; '{nameOrPath}' is an AccelSim architecture");
        return ConstraintFile.Apply(ArchitectureYaml.Load(path, energyTable), constraintsFile);
    }

    /// <summary>The file of a Timeloop architecture (<c>timeloop:FILE</c>, or a file with a top-level <c>architecture:</c>), else null.</summary>
    public static string? TimeloopPath(string nameOrPath)
    {
        const string prefix = "timeloop:";
        if (nameOrPath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            string path = nameOrPath[prefix.Length..];
            return File.Exists(path) ? path : throw new InputException($"{path}: --arch: no such Timeloop architecture file");
        }
        return TimeloopArchitecture.Recognizes(nameOrPath) ? nameOrPath : null;
    }
}
