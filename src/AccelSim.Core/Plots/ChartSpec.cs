namespace AccelSim.Plots;

/// <summary>
/// What to draw, independent of how: the base of every chart spec. Specs are immutable records holding plain data so a
/// different renderer (a plotting library, a notebook) can replace <see cref="Svg.SvgChartRenderer"/> without touching
/// the figure builders. Lists are taken as given and must not be changed after the spec is built.
/// </summary>
/// <param name="Title">Drawn at the top of the chart.</param>
public abstract record ChartSpec(string Title)
{
    /// <summary>An optional sentence under the title saying how to read the chart or what was left out.</summary>
    public string? Note { get; init; }

    /// <summary>Preferred width in pixels; bar charts widen beyond it (up to their maximum) to keep every bar legible.</summary>
    public int Width { get; init; } = 960;

    /// <summary>Height in pixels, including title, legend and axis labels.</summary>
    public int Height { get; init; } = 480;
}
