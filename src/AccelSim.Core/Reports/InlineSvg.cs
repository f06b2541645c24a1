using AccelSim.Plots.Svg;

namespace AccelSim.Reports;

/// <summary>
/// Prepares a standalone SVG document for inlining in HTML: drops an XML declaration and the SVG namespace
/// declaration, which the HTML parser implies, so the page holds no URL of any kind.
/// </summary>
internal static class InlineSvg
{
    public static string ForHtml(string svg)
    {
        string text = svg.TrimStart('\uFEFF');
        if (text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            int end = text.IndexOf("?>", StringComparison.Ordinal);
            if (end >= 0) text = text[(end + 2)..].TrimStart();
        }
        int rootEnd = text.IndexOf('>');
        int ns = text.IndexOf(" " + SvgWriter.NamespaceAttribute, StringComparison.Ordinal);
        if (ns >= 0 && ns < rootEnd) text = text.Remove(ns, SvgWriter.NamespaceAttribute.Length + 1);
        return text;
    }
}
