namespace AccelSim.Plots.Svg;

/// <summary>
/// How category labels under a bar chart avoid overlapping: horizontal when they fit their slot, rotated 45° or 90°
/// when they do not, and thinned to every n-th label when even vertical text is denser than the font allows.
/// Long labels are cut with an ellipsis; the full text stays in each label's tooltip and in the bars' tooltips.
/// </summary>
internal sealed record CategoryLabels(double Angle, int Stride, IReadOnlyList<string> Texts, double Extent)
{
    public const double Font = ChartFrame.TickFont;
    private const double MaxLabelWidth = 170;

    /// <summary>Minimum slot width at which rotated labels need no thinning (vertical text one line-height apart).</summary>
    public const double MinSlotForAllLabels = Font * 1.25;

    public static CategoryLabels Plan(IReadOnlyList<string> categories, double slot)
    {
        var texts = categories.Select(c => TextMetrics.Fit(c, Font, MaxLabelWidth)).ToArray();
        if (texts.Length == 0) return new CategoryLabels(0, 1, texts, Font + 8);
        double widest = texts.Max(t => TextMetrics.Width(t, Font));
        if (widest + 6 <= slot) return new CategoryLabels(0, 1, texts, Font + 8);
        // At 45° neighbours are slot·sin45 apart measured across the text; they need a line height.
        if (slot * Math.Sin(Math.PI / 4) >= Font * 1.2) return new CategoryLabels(-45, 1, texts, widest * Math.Sin(Math.PI / 4) + Font + 8);
        int stride = Math.Max(1, (int)Math.Ceiling(MinSlotForAllLabels / slot));
        return new CategoryLabels(-90, stride, texts, widest + 10);
    }

    public void Draw(SvgWriter w, IReadOnlyList<string> categories, IReadOnlyList<double> centres, double top)
    {
        w.Start("g", ("class", "category-labels"), ("data-angle", SvgWriter.Num(Angle)), ("data-stride", Stride.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        for (int i = 0; i < categories.Count; i += Stride)
        {
            double x = centres[i];
            double y = top + 6;
            (string, string?)[] common = [("class", "category-label"), ("data-label", categories[i]), ("font-size", SvgWriter.Num(Font)), ("fill", "#333333")];
            if (Angle == 0)
            {
                w.Start("text", [.. common, ("x", SvgWriter.Num(x)), ("y", SvgWriter.Num(y + Font)), ("text-anchor", "middle")]);
            }
            else
            {
                // Anchored at the end so the text ends under its bar and runs down-left (or straight down).
                double ax = Angle == -90 ? x + Font * 0.35 : x + 2;
                w.Start("text", [.. common, ("x", SvgWriter.Num(ax)), ("y", SvgWriter.Num(y)), ("text-anchor", "end"),
                    ("transform", $"rotate({SvgWriter.Num(Angle)} {SvgWriter.Num(ax)} {SvgWriter.Num(y)})")]);
            }
            w.Title(categories[i]);
            // Written after the title so the visible text is the element's last text node.
            w.Text("tspan", Texts[i]);
            w.End();
        }
        w.End();
    }
}
