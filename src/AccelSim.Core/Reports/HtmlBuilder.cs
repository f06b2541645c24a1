using System.Text;

namespace AccelSim.Reports;

/// <summary>
/// Writes HTML that is also well-formed XML (every element closed, every text escaped), so tests can parse a report
/// with an XML parser and browsers read it as plain HTML5.
/// </summary>
internal sealed class HtmlBuilder
{
    private readonly StringBuilder _sb = new(64 * 1024);
    private readonly Stack<string> _open = new();

    public HtmlBuilder Raw(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public HtmlBuilder Start(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        OpenTag(tag, attributes);
        _sb.Append('>');
        _open.Push(tag);
        return this;
    }

    public HtmlBuilder End()
    {
        _sb.Append("</").Append(_open.Pop()).Append(">\n");
        return this;
    }

    public HtmlBuilder Element(string tag, string text, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        OpenTag(tag, attributes);
        _sb.Append('>');
        XmlText.Append(_sb, text);
        _sb.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>
    /// A &lt;style&gt; or &lt;script&gt; element: HTML reads their content raw (an escaped quote would break the CSS or
    /// JavaScript), so it is written unescaped and must hold no '&lt;' or '&amp;', keeping the page well-formed XML.
    /// </summary>
    public HtmlBuilder RawTextElement(string tag, string content)
    {
        if (content.Contains('<') || content.Contains('&')) throw new ArgumentException($"raw <{tag}> content must not contain '<' or '&'", nameof(content));
        _sb.Append('<').Append(tag).Append('>').Append(content).Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary>A void element such as &lt;meta&gt;, written self-closed so it is also valid XML.</summary>
    public HtmlBuilder Void(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        OpenTag(tag, attributes);
        _sb.Append(" />");
        return this;
    }

    public override string ToString()
    {
        if (_open.Count != 0) throw new InvalidOperationException($"unclosed element <{_open.Peek()}>");
        return _sb.ToString();
    }

    private void OpenTag(string tag, ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _sb.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            _sb.Append(' ').Append(name).Append("=\"");
            XmlText.Append(_sb, value);
            _sb.Append('"');
        }
    }
}
