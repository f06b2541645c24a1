using System.Globalization;
using System.Text;

namespace AccelSim.Plots.Svg;

/// <summary>
/// Builds an SVG document as text. Every attribute value and text node is escaped by <see cref="XmlText"/>, numbers
/// are written in the invariant culture, and a coordinate that is not finite throws rather than leaking "NaN" into a
/// file that a browser would silently mis-draw. Attributes with a null value are left out.
/// </summary>
public sealed class SvgWriter
{
    /// <summary>The namespace declaration on the root element; HTML embedding drops it because the HTML parser implies it.</summary>
    public const string NamespaceAttribute = "xmlns=\"http://www.w3.org/2000/svg\"";

    private readonly StringBuilder _sb = new(16 * 1024);
    private readonly Stack<string> _open = new();

    /// <summary>Starts the document with a root of the given size, in pixels, and a matching view box.</summary>
    public SvgWriter(double width, double height, string? cssClass = null)
    {
        _sb.Append("<svg ").Append(NamespaceAttribute);
        AppendAttributes([
            ("width", Num(width)), ("height", Num(height)), ("viewBox", $"0 0 {Num(width)} {Num(height)}"),
            ("role", "img"), ("class", cssClass),
            ("font-family", "system-ui, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif"), ("font-size", "12"),
        ]);
        _sb.Append('>');
        _open.Push("svg");
    }

    /// <summary>Opens an element; close it with <see cref="End"/>.</summary>
    public SvgWriter Start(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _sb.Append('<').Append(tag);
        AppendAttributes(attributes);
        _sb.Append('>');
        _open.Push(tag);
        return this;
    }

    /// <summary>Closes the most recently opened element.</summary>
    public SvgWriter End()
    {
        if (_open.Count <= 1) throw new InvalidOperationException("no element to close (the root closes in ToString)");
        _sb.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>An element without content.</summary>
    public SvgWriter Empty(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _sb.Append('<').Append(tag);
        AppendAttributes(attributes);
        _sb.Append("/>");
        return this;
    }

    /// <summary>An element holding only (escaped) text, e.g. a &lt;text&gt;.</summary>
    public SvgWriter Text(string tag, string text, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _sb.Append('<').Append(tag);
        AppendAttributes(attributes);
        _sb.Append('>');
        XmlText.Append(_sb, text);
        _sb.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A &lt;title&gt; child: browsers show it as the tooltip of its parent.</summary>
    public SvgWriter Title(string text) => Text("title", text);

    /// <summary>Closes the root and returns the document.</summary>
    public override string ToString()
    {
        if (_open.Count != 1) throw new InvalidOperationException($"unclosed element <{_open.Peek()}>");
        return _sb.ToString() + "</svg>\n";
    }

    /// <summary>A coordinate or length: at most two decimals, invariant culture; throws when not finite.</summary>
    public static string Num(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "SVG coordinates must be finite");
        double rounded = Math.Round(value, 2);
        // "-0" is legal but noisy in diffs.
        if (rounded == 0) return "0";
        return rounded.ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>A data value written so it parses back exactly; throws when not finite.</summary>
    public static string Data(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "data values written to SVG must be finite");
        return NumberText.Exact(value);
    }

    private void AppendAttributes(ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            _sb.Append(' ').Append(name).Append("=\"");
            XmlText.Append(_sb, value);
            _sb.Append('"');
        }
    }
}
