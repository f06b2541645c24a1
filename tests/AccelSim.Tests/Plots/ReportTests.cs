using System.Xml.Linq;
using AccelSim.Plots.Figures;
using AccelSim.Reports;

namespace AccelSim.Tests.Plots;

public class ReportTests
{
    [Fact]
    public void ReportIsWellFormedAndSelfContained()
    {
        var layers = SyntheticLayers.Generate(12);
        var content = SampleReport.Build(layers, "tiny<net> & co");
        string html = HtmlReport.Render(content);

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);

        // Style and script are raw text in HTML: escaping their quotes would silently break them.
        Assert.Contains("document.querySelectorAll('figure.plot svg')", html);
        Assert.Contains("'Segoe UI'", html);

        var doc = XDocument.Parse(html);
        var all = doc.Descendants().ToList();
        Assert.Equal("AccelSim report: tiny<net> & co on eyeriss", all.Single(e => e.Name.LocalName == "h1").Value);

        // Every figure is inlined once, intact: same marks as the standalone file.
        var figures = all.Where(e => e.Name.LocalName == "figure").ToList();
        Assert.Equal(content.Figures.Select(f => f.FileName), figures.Select(f => f.Attr("data-file")));
        foreach (var (figure, element) in content.Figures.Zip(figures))
        {
            var inline = element.Descendants().Single(e => e.Name.LocalName == "svg");
            var standalone = SvgQuery.Parse(figure.Svg);
            Assert.Equal(standalone.WithClass("mark").Count(), inline.WithClass("mark").Count());
            Assert.Equal(standalone.Root!.Attr("width"), inline.Attr("width"));
        }

        var summary = all.Single(e => e.Name.LocalName == "table" && e.Attr("class") == "summary");
        Assert.Contains("tiny<net> & co", summary.Value);

        var table = all.Single(e => e.Name.LocalName == "table" && e.Attr("class") == "layers");
        Assert.Equal(content.LayerTable.Headers, table.Descendants().Where(e => e.Name.LocalName == "th").Select(e => e.Value));
        Assert.Equal(layers.Count, table.Descendants().Count(e => e.Name.LocalName == "tr") - 1);

        var mappings = all.Where(e => e.Name.LocalName == "details").ToList();
        Assert.Equal(layers.Select(l => l.Layer), mappings.Select(m => m.Attr("data-layer")));
        Assert.Contains("<- conv", mappings[0].Value);
    }

    [Fact]
    public void SvgFilesKeepTheirNamespaceButTheReportDropsIt()
    {
        var figures = ModelFigures.All(SyntheticLayers.Generate(3), SyntheticLayers.Roofline);
        Assert.All(figures, f => Assert.Equal("http://www.w3.org/2000/svg", SvgQuery.Parse(f.Svg).Root!.Name.NamespaceName));
        string html = HtmlReport.Render(new ReportContent("t", [], new ReportTable(["a"], [["<b>"]]), figures, []));
        Assert.Equal(figures.Count, html.Split("<svg ").Length - 1);
        Assert.DoesNotContain("xmlns", html);
        Assert.Contains("<td>&lt;b&gt;</td>", html);
    }

    [Fact]
    public void WritesSampleReportsForTheBrowserCheck()
    {
        // scripts/screenshot-report.sh renders these; the folder is stable so the script can find them.
        string root = Path.Combine(Path.GetTempPath(), "accelsim-plots-sample");
        foreach (var (name, count) in new[] { ("small", 16), ("large", 150) })
        {
            var layers = SyntheticLayers.Generate(count);
            var content = SampleReport.Build(layers, $"synthetic-{count}");
            string dir = Path.Combine(root, name);
            var svgs = ModelFigures.Write(dir, content.Figures);
            string report = HtmlReport.Write(content, dir);
            Assert.Equal(6, svgs.Count);
            Assert.All(svgs.Append(report), p => Assert.True(new FileInfo(p).Length > 0));
            XDocument.Load(report);
        }
    }
}
