namespace AccelSim.Plots.Svg;

/// <summary>
/// Point markers. Series differ in shape as well as colour so that they stay apart in greyscale and for readers who
/// cannot tell the hues apart.
/// </summary>
internal static class Markers
{
    public const double Radius = 4.5;

    /// <summary>Writes the marker of series <paramref name="index"/> at (x, y) as an open element; the caller adds the title and closes it.</summary>
    public static void Start(SvgWriter w, int index, double x, double y, string color, params ReadOnlySpan<(string Name, string? Value)> data)
    {
        const double r = Radius;
        var attrs = new List<(string, string?)>(data.Length + 6);
        attrs.AddRange(data.ToArray());
        attrs.Add(("fill", color));
        attrs.Add(("fill-opacity", "0.85"));
        attrs.Add(("stroke", "#222222"));
        attrs.Add(("stroke-width", "0.7"));
        switch (index % 4)
        {
            case 0:
                w.Start("circle", [.. attrs, ("cx", SvgWriter.Num(x)), ("cy", SvgWriter.Num(y)), ("r", SvgWriter.Num(r))]);
                break;
            case 1:
                w.Start("rect", [.. attrs, ("x", SvgWriter.Num(x - r * 0.9)), ("y", SvgWriter.Num(y - r * 0.9)),
                    ("width", SvgWriter.Num(r * 1.8)), ("height", SvgWriter.Num(r * 1.8))]);
                break;
            case 2:
                w.Start("path", [.. attrs, ("d", $"M{SvgWriter.Num(x)},{SvgWriter.Num(y - r * 1.25)} L{SvgWriter.Num(x + r * 1.25)},{SvgWriter.Num(y)} " +
                    $"L{SvgWriter.Num(x)},{SvgWriter.Num(y + r * 1.25)} L{SvgWriter.Num(x - r * 1.25)},{SvgWriter.Num(y)} Z")]);
                break;
            default:
                w.Start("path", [.. attrs, ("d", $"M{SvgWriter.Num(x)},{SvgWriter.Num(y - r * 1.2)} L{SvgWriter.Num(x + r * 1.1)},{SvgWriter.Num(y + r * 0.8)} " +
                    $"L{SvgWriter.Num(x - r * 1.1)},{SvgWriter.Num(y + r * 0.8)} Z")]);
                break;
        }
    }
}
