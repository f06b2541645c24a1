using System.Globalization;
using System.Xml.Linq;
using AccelSim.Plots;
using AccelSim.Reports;

namespace AccelSim.Tests.Plots;

public class FormattingTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(5, "5")]
    [InlineData(0.05, "0.05")]
    [InlineData(250, "250")]
    [InlineData(1000, "1k")]
    [InlineData(1234, "1.23k")]
    [InlineData(1200, "1.2k")]
    [InlineData(3.4e6, "3.4M")]
    [InlineData(5e9, "5G")]
    [InlineData(999.7, "1k")]
    [InlineData(-2500, "-2.5k")]
    [InlineData(1e15, "1P")]
    public void CompactLabels(double value, string expected) => Assert.Equal(expected, NumberText.Compact(value));

    [Fact]
    public void ExactTextRoundTrips()
    {
        var random = new Random(3);
        for (int i = 0; i < 2000; i++)
        {
            double v = Math.Pow(10, random.NextDouble() * 30 - 10) * (random.Next(2) == 0 ? -1 : 1);
            Assert.Equal(v, double.Parse(NumberText.Exact(v), CultureInfo.InvariantCulture));
        }
        Assert.Equal(long.MaxValue / 4096 * 1.0, double.Parse(NumberText.Exact(long.MaxValue / 4096), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EscapesTextAndDropsCharactersXmlForbids()
    {
        const string nasty = "a<b>&\"c'\u0001d\uD800e";
        string escaped = XmlText.Escape(nasty);
        var element = XElement.Parse($"<t a=\"{escaped}\">{escaped}</t>");
        Assert.Equal("a<b>&\"c'\uFFFDd\uFFFDe", element.Value);
        Assert.Equal(element.Value, (string?)element.Attribute("a"));
        Assert.Equal("plain", XmlText.Escape("plain"));
        Assert.Equal("😀", XmlText.Escape("😀"));
    }
}
