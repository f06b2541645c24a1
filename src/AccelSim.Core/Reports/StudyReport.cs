using AccelSim.Plots.Figures;
using AccelSim.Sweeps;

namespace AccelSim.Reports;

/// <summary>
/// report.html of a sweep or a comparison: the headline in words, the figures, the results CSV as a sortable table and the
/// command, on the same page layout as a run's report (at most 1400 px wide).
/// </summary>
public static class StudyReport
{
    /// <summary>The page's bytes (UTF-8).</summary>
    /// <param name="title">Page title and heading.</param>
    /// <param name="headline">Sentences shown first.</param>
    /// <param name="summary">Key/value lines (architecture, models, axes...).</param>
    /// <param name="figures">The figures, inlined in order.</param>
    /// <param name="tableHeading">Heading of the results table, e.g. "Points (sweep.csv)".</param>
    /// <param name="csv">The results CSV, shown as written.</param>
    public static byte[] Render(string title, IReadOnlyList<string> headline, IReadOnlyList<KeyValuePair<string, string>> summary,
        IReadOnlyList<Figure> figures, string tableHeading, string csv)
    {
        var (header, rows) = SweepCsv.Parse(csv);
        var table = new ReportTable(header, rows.Select(r => (IReadOnlyList<string>)r.Select(Cell).ToList()).ToList());
        var content = new ReportContent(title, summary, new ReportTable([], []), figures, [])
        {
            Headline = headline,
            Tables = [new(tableHeading, table)],
        };
        return Figure.Utf8(HtmlReport.Render(content));
    }

    // Long round-trip numbers shortened to 5 significant digits for reading; the CSV keeps them exact.
    private static string Cell(string cell) =>
        cell.Contains('.') && double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v.ToString("G5", System.Globalization.CultureInfo.InvariantCulture) : cell;
}
