using AccelSim.Architecture.Yaml;
using AccelSim.Common;

namespace AccelSim.Architecture;

/// <summary>Loads shipped architectures by name (eyeriss, tpu-v1, ...) or any arch file by path.</summary>
public static class ArchitectureLibrary
{
    /// <summary>Names of the shipped configs under arch-configs/.</summary>
    public static IReadOnlyList<string> Names => ShippedFiles.Names(ShippedFiles.ArchConfigs);

    /// <summary>Loads <paramref name="nameOrPath"/>: an existing path, or a shipped config's name.</summary>
    public static Accelerator Load(string nameOrPath) => ArchitectureYaml.Load(ShippedFiles.ResolveArch(nameOrPath));
}
