namespace AccelSim.Plots;

/// <summary>Turns a chart spec into SVG text. The seam where a plotting library could replace our own renderer.</summary>
public interface IChartRenderer
{
    /// <summary>A complete, standalone SVG document for <paramref name="chart"/>.</summary>
    string Render(ChartSpec chart);
}
