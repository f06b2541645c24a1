namespace AccelSim.Reports;

/// <summary>
/// The report's inline stylesheet and its one script. Both avoid '&lt;' and '&amp;' so the page stays well-formed XML.
/// </summary>
internal static class ReportAssets
{
    public const string Css = """
        body { font-family: system-ui, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; margin: 24px auto; padding: 0 24px; max-width: 1300px; color: #111; background: #fff; }
        .headline p { font-size: 16px; line-height: 1.45; margin: 6px 0; max-width: 1200px; }
        .hint { font-size: 12px; color: #555; }
        pre.command { white-space: pre-wrap; word-break: break-all; }
        table.sortable th { cursor: pointer; }
        h1 { font-size: 24px; margin: 0 0 16px; }
        h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; position: sticky; top: 0; }
        tbody tr:nth-child(even) { background: #fafafa; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.summary th { background: #f3f3f3; width: 14em; position: static; }
        .table-scroll { max-height: 640px; overflow: auto; display: inline-block; max-width: 100%; }
        figure.plot { margin: 0 0 28px; max-width: 1200px; }
        figure.plot svg { display: block; width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: 13px; color: #444; margin-top: 4px; max-width: 1200px; }
        details { margin: 2px 0; }
        summary { cursor: pointer; font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: 13px; }
        pre { background: #f7f7f7; padding: 8px; overflow-x: auto; font-size: 12px; margin: 4px 0 8px; }
        """;

    /// <summary>
    /// Runs once the page is parsed: counts the plots the browser laid out with a non-zero box inside the page's width
    /// that were given data (data-values on the figure), and records both counts and the page's scroll width on &lt;body&gt;,
    /// where a headless browser's DOM dump can check them.
    /// </summary>
    public const string VisibilityCheck = """
        (function () {
          var figures = document.querySelectorAll('figure.plot');
          var pageWidth = document.documentElement.scrollWidth;
          var visible = 0;
          for (var i = 0; i != figures.length; i++) {
            var svg = figures[i].querySelector('svg');
            if (!svg) { continue; }
            var box = svg.getBoundingClientRect();
            var values = Number(figures[i].getAttribute('data-values'));
            if (box.width > 0) { if (box.height > 0) { if (values > 0) { if (pageWidth >= box.right) { visible++; } } } }
          }
          document.body.setAttribute('data-plots', String(figures.length));
          document.body.setAttribute('data-visible-plots', String(visible));
          document.body.setAttribute('data-page-width', String(pageWidth));
        })();
        """;

    /// <summary>
    /// Sorts a table with class "sortable" by the clicked column: numerically when both cells read as numbers, otherwise
    /// as text; a second click reverses. Written without '&lt;' and '&amp;' (see the class summary).
    /// </summary>
    public const string SortableTables = """
        (function () {
          function key(cell) {
            var text = cell.textContent.trim();
            var n = Number(text.replace(/[,%]/g, ''));
            return { text: text, num: n, isNum: text.length != 0 ? !isNaN(n) : false };
          }
          function compare(a, b) {
            if (a.isNum ? b.isNum : false) { return a.num - b.num; }
            return a.text > b.text ? 1 : (b.text > a.text ? -1 : 0);
          }
          var tables = document.querySelectorAll('table.sortable');
          for (var t = 0; t != tables.length; t++) {
            (function (table) {
              var heads = table.querySelectorAll('thead th');
              for (var c = 0; c != heads.length; c++) {
                (function (col, th) {
                  th.addEventListener('click', function () {
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    var dir = th.getAttribute('data-sort') === 'asc' ? -1 : 1;
                    for (var k = 0; k != heads.length; k++) { heads[k].removeAttribute('data-sort'); }
                    th.setAttribute('data-sort', dir === 1 ? 'asc' : 'desc');
                    rows.sort(function (x, y) { return dir * compare(key(x.cells[col]), key(y.cells[col])); });
                    for (var r = 0; r != rows.length; r++) { body.appendChild(rows[r]); }
                  });
                })(c, heads[c]);
              }
            })(tables[t]);
          }
        })();
        """;
}
