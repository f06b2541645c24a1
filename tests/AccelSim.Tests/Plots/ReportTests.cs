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
        Assert.DoesNotContain("xmlns", html);

        // Style and script are raw text in HTML: escaping their quotes would silently break them.
        Assert.Contains("document.querySelectorAll('figure.plot')", html);
        Assert.Contains("'Segoe UI'", html);
        Assert.Contains("max-width: 1300px", html);

        var doc = XDocument.Parse(html);
        var all = doc.Descendants().ToList();
        Assert.Equal("AccelSim report: tiny<net> & co on eyeriss", all.Single(e => e.Name.LocalName == "h1").Value);

        // Every figure is inlined once with a viewBox (so it scales with the page) and ids of its own.
        var figures = all.Where(e => e.Name.LocalName == "figure").ToList();
        Assert.Equal(content.Figures.Select(f => f.FileName), figures.Select(f => f.Attr("data-file")));
        var ids = all.Select(e => (string?)e.Attribute("id")).Where(i => i is not null).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var (figure, element) in content.Figures.Zip(figures))
        {
            var inline = element.Descendants().Single(e => e.Name.LocalName == "svg");
            Assert.Equal($"0 0 {figure.Chart.Width} {figure.Chart.Height}", inline.Attr("viewBox"));
            Assert.True(int.Parse(element.Attr("data-values"), System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.Equal(SvgQuery.Parse(figure.Svg).Texts(), inline.Texts());
        }

        var table = all.Single(e => e.Name.LocalName == "table" && e.Attr("class") == "layers sortable");
        Assert.Equal(content.LayerTable.Headers, table.Descendants().Where(e => e.Name.LocalName == "th").Select(e => e.Value));
        Assert.Equal(layers.Count, table.Descendants().Count(e => e.Name.LocalName == "tr") - 1);

        var mappings = all.Where(e => e.Name.LocalName == "details").ToList();
        Assert.Equal(layers.Select(l => l.Layer), mappings.Select(m => m.Attr("data-layer")));
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
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Directory.CreateDirectory(dir);
            foreach (var (file, bytes) in ModelFigures.Files(content.Figures)) File.WriteAllBytes(Path.Combine(dir, file), bytes);
            string report = HtmlReport.Write(content, dir);
            Assert.Equal(7 * 3 + 1, Directory.GetFiles(dir).Length);
            XDocument.Load(report);
        }
    }
}
