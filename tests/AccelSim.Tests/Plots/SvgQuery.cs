using System.Globalization;
using System.Xml.Linq;

namespace AccelSim.Tests.Plots;

/// <summary>Reads rendered SVG and figure CSVs back so tests check what was drawn against the data it was drawn from.</summary>
internal static class SvgQuery
{
    public static XDocument Parse(string svg)
    {
        Assert.DoesNotContain("NaN", svg);
        Assert.DoesNotContain("Infinity", svg);
        return XDocument.Parse(svg);
    }

    /// <summary>Every &lt;text&gt; element's content, trimmed: what a reader (or a search) finds in the SVG.</summary>
    public static IReadOnlyList<string> Texts(this XContainer doc) =>
        doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();

    public static string Attr(this XElement e, string name) => (string?)e.Attribute(name) ?? throw new Xunit.Sdk.XunitException($"<{e.Name.LocalName}> has no {name}");

    /// <summary>A figure CSV's records as field lists (header included), parsed with the project's CSV reader.</summary>
    public static List<string[]> Csv(string text)
    {
        var rows = new List<string[]>();
        using var csv = CsvHelper.CsvReader.FromText(text, new CsvHelper.CsvReaderOptions());
        rows.Add(csv.Headers.ToArray());
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        return rows;
    }

    public static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
