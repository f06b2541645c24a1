using ScottPlot;
using SkiaSharp;

namespace AccelSim.Plots;

/// <summary>
/// The one font every plot is drawn with: DejaVu Sans (Bitstream Vera licence, Plots/Fonts/LICENSE-DejaVu.txt), embedded in
/// the assembly. ScottPlot draws no text at all when it finds no font, so the plots never depend on what the machine has
/// installed; if the embedded file cannot be loaded the first plot fails with a clear message instead of coming out blank.
/// </summary>
public static class PlotFont
{
    /// <summary>The family name plots ask ScottPlot for (and SVGs name in font-family).</summary>
    public const string Family = "DejaVu Sans";

    private const string ResourceName = "AccelSim.Plots.Fonts.DejaVuSans.ttf";
    private static readonly Lazy<SKTypeface> Typeface = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers the embedded font with ScottPlot as its default (once; later calls do nothing).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered) return;
            var typeface = Typeface.Value;
            Fonts.FontResolvers.Insert(0, new EmbeddedResolver(typeface));
            Fonts.Default = Family;
            _registered = true;
        }
    }

    private static SKTypeface Load()
    {
        using var stream = typeof(PlotFont).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the plot font {ResourceName} is missing from {typeof(PlotFont).Assembly.GetName().Name}; plots cannot draw text without it");
        var typeface = SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"the plot font {ResourceName} could not be read; plots cannot draw text without it");
        return typeface;
    }

    // Answers every request for our family with the embedded typeface; other names fall through to ScottPlot's resolvers.
    private sealed class EmbeddedResolver(SKTypeface typeface) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? typeface : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => fontName == Family ? typeface : null;
    }
}
