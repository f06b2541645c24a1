using System.Text;
using AccelSim.Plots.Rendering;

namespace AccelSim.Plots.Figures;

/// <summary>
/// A figure drawn: its file stem (e.g. "divergence"), title, the spec it was drawn from, the SVG and PNG, and its data as
/// CSV. Written as STEM.svg, STEM.png and STEM.csv.
/// </summary>
public sealed record Figure(string Name, string Title, ChartSpec Spec, RenderedChart Chart, string Csv)
{
    /// <summary>The SVG's file name.</summary>
    public string FileName => Name + ".svg";

    /// <summary>The SVG text.</summary>
    public string Svg => Chart.Svg;

    /// <summary>Draws <paramref name="spec"/> under the file stem <paramref name="name"/>.</summary>
    public static Figure Draw(string name, ChartSpec spec) => new(name, spec.Title, spec, ChartRenderer.Render(spec), ChartCsv.Write(spec));

    /// <summary>The three files, by name (text as UTF-8 without a byte-order mark).</summary>
    public IEnumerable<KeyValuePair<string, byte[]>> Files() =>
    [
        new(Name + ".svg", Utf8(Chart.Svg)),
        new(Name + ".png", Chart.Png),
        new(Name + ".csv", Utf8(Csv)),
    ];

    /// <summary>Text as the bytes every results file is written with.</summary>
    public static byte[] Utf8(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
}
