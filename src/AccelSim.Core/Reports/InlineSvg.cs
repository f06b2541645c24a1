namespace AccelSim.Reports;

/// <summary>
/// Prepares a standalone SVG document for inlining in HTML: drops the XML declaration and the namespace declarations,
/// which the HTML parser implies (so the page holds no URL of any kind), adds a viewBox so the figure scales down with
/// the page, and prefixes element ids (ScottPlot numbers its clip paths from 1 in every file) so figures on one page
/// never clip by each other's paths.
/// </summary>
internal static class InlineSvg
{
    public static string ForHtml(string svg, string idPrefix)
    {
        string text = svg.TrimStart('\uFEFF');
        if (text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            int end = text.IndexOf("?>", StringComparison.Ordinal);
            if (end >= 0) text = text[(end + 2)..].TrimStart();
        }
        int rootEnd = text.IndexOf('>');
        string root = text[..rootEnd];
        string rest = text[rootEnd..];
        root = root.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal)
            .Replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "", StringComparison.Ordinal);
        if (!root.Contains("viewBox", StringComparison.Ordinal) && Attribute(root, "width") is { } w && Attribute(root, "height") is { } h)
            root += $" viewBox=\"0 0 {w} {h}\"";
        rest = rest.Replace("id=\"", $"id=\"{idPrefix}", StringComparison.Ordinal).Replace("url(#", $"url(#{idPrefix}", StringComparison.Ordinal)
            .Replace("href=\"#", $"href=\"#{idPrefix}", StringComparison.Ordinal);
        return root + rest;
    }

    private static string? Attribute(string tag, string name)
    {
        int i = tag.IndexOf($" {name}=\"", StringComparison.Ordinal);
        if (i < 0) return null;
        int start = i + name.Length + 3;
        int end = tag.IndexOf('"', start);
        return end < 0 ? null : tag[start..end];
    }
}
