namespace AccelSim.Plots.Svg;

/// <summary>Our own SVG renderer for every chart spec: no dependencies, deterministic output, one element per data mark.</summary>
public sealed class SvgChartRenderer : IChartRenderer
{
    /// <summary>The renderer is stateless; one instance serves everyone.</summary>
    public static SvgChartRenderer Instance { get; } = new();

    /// <inheritdoc />
    public string Render(ChartSpec chart) => chart switch
    {
        BarChartSpec bars => BarChartRenderer.Render(bars),
        ScatterChartSpec scatter => ScatterRenderer.Render(scatter),
        LineChartSpec lines => LineRenderer.Render(lines),
        RooflineChartSpec roofline => RooflineRenderer.Render(roofline),
        _ => throw new NotSupportedException($"no SVG renderer for {chart.GetType().Name}"),
    };
}
