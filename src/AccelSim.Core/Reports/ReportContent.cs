using AccelSim.Plots.Figures;

namespace AccelSim.Reports;

/// <summary>A table as text: column headers and rows of cells (each row as long as the headers).</summary>
public sealed record ReportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>The chosen mapping of one layer, as preformatted text (e.g. the loop nest).</summary>
public sealed record LayerMappingText(string Layer, string Text);

/// <summary>Everything <see cref="HtmlReport"/> puts on the page, in page order.</summary>
/// <param name="Title">Page title and heading.</param>
/// <param name="Summary">Key/value pairs shown first (model, architecture, totals...).</param>
/// <param name="LayerTable">The per-layer table.</param>
/// <param name="Figures">Plots, inlined in the order given.</param>
/// <param name="Mappings">One collapsible block per layer.</param>
public sealed record ReportContent(
    string Title,
    IReadOnlyList<KeyValuePair<string, string>> Summary,
    ReportTable LayerTable,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<LayerMappingText> Mappings)
{
    /// <summary>Sentences shown first, in words and human units: what ran, what it cost and why.</summary>
    public IReadOnlyList<string> Headline { get; init; } = [];

    /// <summary>The architecture's key figures, shown after the plots.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Architecture { get; init; } = [];

    /// <summary>The command that wrote the results, shown last.</summary>
    public string? Command { get; init; }

    /// <summary>Further tables (e.g. a sweep's points), each with a heading, shown after the plots.</summary>
    public IReadOnlyList<KeyValuePair<string, ReportTable>> Tables { get; init; } = [];
}
