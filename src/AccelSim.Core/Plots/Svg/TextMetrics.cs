namespace AccelSim.Plots.Svg;

/// <summary>
/// Text width estimates for layout. There is no font engine here, so widths are a conservative average per character
/// (wide enough for digits and most Latin text in common sans-serif fonts); erring wide costs margin, not overlap.
/// </summary>
internal static class TextMetrics
{
    private const double EmPerChar = 0.6;

    public static double Width(string text, double fontSize) => text.Length * fontSize * EmPerChar;

    /// <summary>
    /// <paramref name="text"/> cut to fit <paramref name="maxWidth"/>, ending with an ellipsis when cut. The full text
    /// stays available in a tooltip.
    /// </summary>
    public static string Fit(string text, double fontSize, double maxWidth)
    {
        int maxChars = Math.Max(2, (int)(maxWidth / (fontSize * EmPerChar)));
        return text.Length <= maxChars ? text : text[..(maxChars - 1)] + "…";
    }

    /// <summary>Greedy word wrap into lines no wider than <paramref name="maxWidth"/>.</summary>
    public static IReadOnlyList<string> Wrap(string text, double fontSize, double maxWidth)
    {
        var lines = new List<string>();
        string line = "";
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Width(candidate, fontSize) > maxWidth)
            {
                lines.Add(line);
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }
}
