using System.Globalization;
using System.Xml.Linq;

namespace AccelSim.Tests.Plots;

/// <summary>Reads rendered SVG back as XML so tests check what was drawn against the data it was drawn from.</summary>
internal static class SvgQuery
{
    public static XDocument Parse(string svg)
    {
        Assert.DoesNotContain("NaN", svg);
        Assert.DoesNotContain("Infinity", svg);
        Assert.DoesNotContain("∞", svg);
        return XDocument.Parse(svg);
    }

    public static IEnumerable<XElement> WithClass(this XContainer doc, string cssClass) =>
        doc.Descendants().Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true);

    public static string Attr(this XElement e, string name) => (string?)e.Attribute(name) ?? throw new Xunit.Sdk.XunitException($"<{e.Name.LocalName}> has no {name}");

    public static double Num(this XElement e, string name) => double.Parse(e.Attr(name), CultureInfo.InvariantCulture);

    public static string Title(this XElement e) => e.Elements().Single(c => c.Name.LocalName == "title").Value;

    public static IEnumerable<string> LegendNames(this XDocument doc) => doc.WithClass("legend-entry").Select(e => e.Attr("data-series"));

    public static string Text(this XDocument doc, string cssClass) => doc.WithClass(cssClass).Single().Value;

    public static string AxisLabel(this XDocument doc, string axis) => doc.WithClass("axis-label").Single(e => e.WithClassToken(axis)).Value;

    private static bool WithClassToken(this XElement e, string token) => ((string?)e.Attribute("class"))?.Split(' ').Contains(token) == true;
}
