using AccelSim.Plots.Figures;

namespace AccelSim.Reports;

/// <summary>
/// report.html: one self-contained page (inline CSS, inline SVG, no external URLs), at most 1400 px wide: the headline in
/// words, the summary, the plots, further tables, the sortable layer table, the architecture, the command and each layer's
/// mapping. All text is escaped; the markup is well-formed XML as well as HTML5.
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    /// <summary>The page as text.</summary>
    public static string Render(ReportContent content)
    {
        var h = new HtmlBuilder();
        h.Raw("<!DOCTYPE html>\n");
        h.Start("html", ("lang", "en"));
        h.Start("head");
        h.Void("meta", ("charset", "utf-8"));
        h.Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        h.Element("title", content.Title);
        h.RawTextElement("style", ReportAssets.Css);
        h.End();
        h.Start("body");
        h.Element("h1", content.Title);
        if (content.Headline.Count > 0)
        {
            h.Start("div", ("class", "headline"), ("id", "headline"));
            foreach (string sentence in content.Headline) h.Element("p", sentence);
            h.End();
        }

        h.Element("h2", "Summary", ("id", "summary"));
        WriteKeyValues(h, content.Summary);

        if (content.Figures.Count > 0) h.Element("h2", "Plots", ("id", "plots"));
        foreach (var figure in content.Figures) WriteFigure(h, figure);

        foreach (var (heading, table) in content.Tables)
        {
            h.Element("h2", heading);
            WriteTable(h, table);
        }

        if (content.LayerTable.Rows.Count > 0)
        {
            h.Element("h2", "Layers", ("id", "layers"));
            h.Element("p", "Click a column heading to sort by it (again to reverse).", ("class", "hint"));
            WriteTable(h, content.LayerTable);
        }

        if (content.Architecture.Count > 0)
        {
            h.Element("h2", "Architecture", ("id", "architecture"));
            WriteKeyValues(h, content.Architecture);
        }
        if (!string.IsNullOrEmpty(content.Command))
        {
            h.Element("h2", "Command", ("id", "command"));
            h.Element("pre", content.Command, ("class", "command"));
        }

        if (content.Mappings.Count > 0) h.Element("h2", "Mappings", ("id", "mappings"));
        foreach (var mapping in content.Mappings)
        {
            h.Start("details", ("class", "mapping"), ("data-layer", mapping.Layer));
            h.Element("summary", mapping.Layer);
            h.Element("pre", mapping.Text);
            h.End();
        }

        h.RawTextElement("script", ReportAssets.SortableTables);
        h.RawTextElement("script", ReportAssets.VisibilityCheck);
        h.End().End();
        return h.ToString();
    }

    /// <summary>Writes report.html into <paramref name="directory"/> (created if missing) and returns its path.</summary>
    public static string Write(ReportContent content, string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        File.WriteAllText(path, Render(content), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static void WriteKeyValues(HtmlBuilder h, IReadOnlyList<KeyValuePair<string, string>> lines)
    {
        h.Start("table", ("class", "summary")).Start("tbody");
        foreach (var (key, value) in lines)
        {
            h.Start("tr").Element("th", key, ("scope", "row")).Element("td", value).End();
        }
        h.End().End();
    }

    // data-values: how many data values the figure was given; the page's check script counts a figure visible only when
    // it has some and the browser laid it out with a non-empty box.
    private static void WriteFigure(HtmlBuilder h, Figure figure)
    {
        string id = "plot-" + figure.Name;
        int values = Math.Max(0, figure.Csv.Count(c => c == '\n') - 1);
        h.Start("figure", ("class", "plot"), ("id", id), ("data-file", figure.FileName),
            ("data-values", values.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        h.Raw(InlineSvg.ForHtml(figure.Svg, id + "-"));
        string note = figure.Spec.Note is { Length: > 0 } n ? " " + n : "";
        h.Element("figcaption", $"{figure.Title}.{note} Files: {figure.Name}.svg, {figure.Name}.png, {figure.Name}.csv (the data drawn).");
        h.End();
    }

    private static void WriteTable(HtmlBuilder h, ReportTable table)
    {
        h.Start("div", ("class", "table-scroll"));
        h.Start("table", ("class", "layers sortable"));
        h.Start("thead").Start("tr");
        foreach (string header in table.Headers) h.Element("th", header, ("scope", "col"));
        h.End().End();
        h.Start("tbody");
        foreach (var row in table.Rows)
        {
            h.Start("tr");
            foreach (string cell in row) h.Element("td", cell, ("class", LooksNumeric(cell) ? "num" : null));
            h.End();
        }
        h.End().End().End();
    }

    /// <summary>Numbers read best right-aligned; a cell counts as one when it starts like one ("1,234", "-0.5", "12%").</summary>
    private static bool LooksNumeric(string cell) =>
        cell.Length > 0 && (char.IsAsciiDigit(cell[0]) || (cell.Length > 1 && cell[0] is '-' or '.' && char.IsAsciiDigit(cell[1])));
}
