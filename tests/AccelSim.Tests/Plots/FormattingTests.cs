using System.Globalization;
using System.Xml.Linq;
using AccelSim.Plots;
using AccelSim.Plots.Axes;
using AccelSim.Plots.Svg;

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

    [Fact]
    public void WriterRefusesNonFiniteNumbers()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SvgWriter.Num(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => SvgWriter.Data(double.PositiveInfinity));
        Assert.Equal("0", SvgWriter.Num(-0.0001));
        Assert.Equal("12.35", SvgWriter.Num(12.345678));
    }

    [Theory]
    [InlineData(0, 97, new[] { 0.0, 20, 40, 60, 80, 100 })]
    [InlineData(0, 0.7, new[] { 0.0, 0.2, 0.4, 0.6, 0.8 })]
    [InlineData(-3, 12, new[] { -5.0, 0, 5, 10, 15 })]
    [InlineData(0, 0, new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1 })]
    public void LinearTicksStepBy125(double min, double max, double[] expected)
    {
        var ticks = NiceTicks.Linear(min, max);
        Assert.Equal(expected, ticks.Ticks);
        Assert.True(ticks.Min <= min && ticks.Max >= max);
    }

    [Fact]
    public void LinearTickStepsAreOneTwoOrFiveTimesAPowerOfTen()
    {
        var random = new Random(11);
        for (int i = 0; i < 500; i++)
        {
            double a = Math.Pow(10, random.NextDouble() * 12 - 4);
            var ticks = NiceTicks.Linear(0, a).Ticks;
            double step = ticks[1] - ticks[0];
            double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
            Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2, 5, 10 });
            Assert.InRange(ticks.Count, 3, 12);
        }
    }

    [Fact]
    public void LogTicksAreDecades()
    {
        var ticks = NiceTicks.Log(3, 4e5);
        Assert.Equal(new[] { 1.0, 10, 100, 1e3, 1e4, 1e5, 1e6 }, ticks.Ticks);
        Assert.Equal(1, ticks.LabelStride);
        var wide = NiceTicks.Log(1e-3, 1e15);
        Assert.Equal(19, wide.Ticks.Count);
        Assert.True(wide.LabelStride > 1);
        var narrow = NiceTicks.Log(20, 30);
        Assert.Equal(new[] { 10.0, 100 }, narrow.Ticks);
    }
}
