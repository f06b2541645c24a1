namespace AccelSim.Reports;

/// <summary>
/// The report's inline stylesheet and its one script. Both avoid '&lt;' and '&amp;' so the page stays well-formed XML.
/// </summary>
internal static class ReportAssets
{
    public const string Css = """
        body { font-family: system-ui, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; margin: 24px; color: #111; background: #fff; }
        h1 { font-size: 24px; margin: 0 0 16px; }
        h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; position: sticky; top: 0; }
        tbody tr:nth-child(even) { background: #fafafa; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.summary th { background: #f3f3f3; width: 14em; position: static; }
        .table-scroll { max-height: 640px; overflow: auto; display: inline-block; max-width: 100%; }
        figure.plot { margin: 0 0 24px; }
        figure.plot .plot-scroll { overflow-x: auto; max-width: 100%; border: 1px solid #eee; }
        figure.plot svg { display: block; }
        figcaption { font-size: 12px; color: #555; margin-top: 4px; }
        details { margin: 2px 0; }
        summary { cursor: pointer; font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 13px; }
        pre { background: #f7f7f7; padding: 8px; overflow-x: auto; font-size: 12px; margin: 4px 0 8px; }
        """;

    /// <summary>
    /// Runs once the page is parsed: counts the plots the browser laid out with a non-zero box and at least one data mark,
    /// and records both counts on &lt;body&gt;, where a headless browser's DOM dump can check them.
    /// </summary>
    public const string VisibilityCheck = """
        (function () {
          var plots = document.querySelectorAll('figure.plot svg');
          var visible = 0;
          for (var i = 0; i != plots.length; i++) {
            var box = plots[i].getBoundingClientRect();
            var marks = plots[i].querySelectorAll('.mark').length;
            if (box.width > 0) { if (box.height > 0) { if (marks > 0) { visible++; } } }
          }
          document.body.setAttribute('data-plots', String(plots.length));
          document.body.setAttribute('data-visible-plots', String(visible));
        })();
        """;
}
