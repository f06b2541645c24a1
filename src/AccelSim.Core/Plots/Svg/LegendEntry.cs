namespace AccelSim.Plots.Svg;

/// <summary>How a legend entry's swatch looks: a filled box (bars), a marker (points) or a line.</summary>
internal enum SwatchKind { Box, Marker, Line, DashedLine }

/// <summary>One legend entry; <see cref="MarkerIndex"/> picks the marker shape for <see cref="SwatchKind.Marker"/>.</summary>
internal sealed record LegendEntry(string Name, string Color, SwatchKind Kind, int MarkerIndex = 0);
