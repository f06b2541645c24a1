using AccelSim.Common;
using AccelSim.Mapping;
using AccelSim.Pipeline;

namespace AccelSim.Reports;

/// <summary>
/// Writes a run's results folder: layers.csv, summary.json, mappings.yaml (plus any extra files, e.g. plots and report.html).
/// Everything is rendered in memory first and the folder is replaced as a whole, so a failure or a kill never leaves a
/// half-written result or a mix of old and new files.
/// </summary>
public static class RunOutput
{
    /// <summary>The files of a run, by name.</summary>
    public static Dictionary<string, byte[]> Render(ModelRunResult run, string commandLine, string directory, Architecture.Timeloop.TimeloopArt? area = null)
    {
        var text = new Dictionary<string, string>
        {
            ["layers.csv"] = LayersCsv.Write(run),
            ["summary.json"] = SummaryJson.Write(run, commandLine, area),
            ["mappings.yaml"] = MappingYaml.WriteMany(run.Arch, run.Model.Name,
                run.Layers.Where(l => l.Mapping is not null).Select(l => (l.Layer, l.Problem!, l.Mapping!))),
        };
        // Plots and the report are drawn from the files themselves, exactly as `accelsim plot DIR` redraws them.
        var folder = RunFolder.FromText(directory, text["layers.csv"], text["summary.json"], text["mappings.yaml"]);
        var files = text.ToDictionary(kv => kv.Key, kv => Plots.Figures.Figure.Utf8(kv.Value));
        foreach (var (name, content) in RunReport.Render(folder)) files[name] = content;
        return files;
    }

    /// <summary>Writes rendered files as the new content of <paramref name="directory"/>, swapped in whole (<see cref="FolderSwap"/>).</summary>
    public static void Write(string directory, IReadOnlyDictionary<string, byte[]> files)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new InputException("--out: the output folder is an empty path");
        FolderSwap.Write(directory, files, "--out");
    }

    /// <summary>Writes rendered files one by one into a folder that is updated in place (a sweep's folder, which it locks).</summary>
    public static void WriteInPlace(string directory, IReadOnlyDictionary<string, byte[]> files)
    {
        foreach (var (name, content) in files) AtomicFile.WriteAllBytes(Path.Combine(directory, name), content);
    }
}
