namespace AccelSim.Plots;

/// <summary>
/// What to draw, independent of how: the base of every chart spec. Specs are immutable records holding plain data so the
/// figure builders stay "data in, plot out": <see cref="Rendering.ChartRenderer"/> turns them into ScottPlot plots, and
/// <see cref="ChartCsv"/> writes the same data as CSV. Lists are taken as given and must not be changed after the spec is built.
/// </summary>
/// <param name="Title">Drawn at the top of the chart.</param>
public abstract record ChartSpec(string Title)
{
    /// <summary>An optional sentence under the title saying how to read the chart or what was left out.</summary>
    public string? Note { get; init; }

    /// <summary>Width in pixels of the SVG and PNG; reports are at most 1400 px wide, so no figure is wider than 1200.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Height in pixels, including title, legend and axis labels.</summary>
    public int Height { get; init; } = 480;
}
