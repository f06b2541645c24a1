namespace AccelSim.Plots.Figures;

/// <summary>A rendered figure: the file name it should be saved under, its title, the SVG text, and the spec it was drawn from.</summary>
public sealed record Figure(string FileName, string Title, string Svg, ChartSpec Spec);
