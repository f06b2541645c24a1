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
    /// <param name="constraintsFile">A <c>--constraints</c> file adding to or overriding the levels' constraints, or null.</param>
    public static Accelerator Load(string nameOrPath, string? energyTable = null, string? constraintsFile = null) =>
        ConstraintFile.Apply(ArchitectureYaml.Load(ShippedFiles.ResolveArch(nameOrPath), energyTable), constraintsFile);
}
