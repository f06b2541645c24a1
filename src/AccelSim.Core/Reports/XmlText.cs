using System.Text;

namespace AccelSim.Reports;

/// <summary>
/// Escapes text for XML and HTML, in element content and in quoted attribute values alike. Characters XML forbids
/// (most control characters, lone surrogates) become U+FFFD so that any layer name still yields a well-formed file.
/// </summary>
public static class XmlText
{
    /// <summary>The escaped form of <paramref name="text"/>.</summary>
    public static string Escape(string text)
    {
        // Most text needs nothing; avoid the builder then (charts write thousands of short strings).
        if (!NeedsEscaping(text)) return text;
        var sb = new StringBuilder(text.Length + 16);
        Append(sb, text);
        return sb.ToString();
    }

    /// <summary>Appends the escaped form of <paramref name="text"/> to <paramref name="sb"/>.</summary>
    public static void Append(StringBuilder sb, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (IsForbidden(c)) sb.Append('\uFFFD');
                    else sb.Append(c);
                    break;
            }
        }
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (char c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\'' || IsForbidden(c) || char.IsSurrogate(c)) return true;
        }
        return false;
    }

    private static bool IsForbidden(char c) =>
        (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF';
}
