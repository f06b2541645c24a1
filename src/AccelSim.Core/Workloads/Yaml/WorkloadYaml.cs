using AccelSim.Common;

namespace AccelSim.Workloads.Yaml;

/// <summary>
/// Workload files (docs/workload-format.md): <see cref="Load"/> and <see cref="Parse"/> read them strictly, every problem an
/// <see cref="InputException"/> whose one-line message names the file, the layer and the field; <see cref="Write"/> exports
/// a model so that loading the text gives the same layers back.
/// </summary>
public static class WorkloadYaml
{
    /// <summary>Reads and checks a workload file.</summary>
    public static ModelGraph Load(string path)
    {
        return Parse(YamlFrontEnd.ReadFile(path), path);
    }

    /// <summary>Parses workload text; <paramref name="sourceName"/> (usually the path) prefixes every error.</summary>
    public static ModelGraph Parse(string text, string sourceName) => WorkloadYamlReader.Read(text, sourceName);

    /// <summary>The workload text of <paramref name="model"/>.</summary>
    public static string Write(ModelGraph model) => WorkloadYamlWriter.Write(model);
}
