namespace AccelSim.Plots;

/// <summary>Marker shapes a series can use; paired with colour so classes stay apart in greyscale and for colour-blind readers.</summary>
public enum MarkerKind
{
    Circle,
    Square,
    TriangleUp,
    Diamond,
    TriangleDown,
    Cross,
    Asterisk,
    OpenCircle,
}

/// <summary>How one series is drawn: a colour as "#RRGGBB" (from <see cref="Palette"/>) and a marker.</summary>
public sealed record SeriesStyle(string Color, MarkerKind Marker = MarkerKind.Circle);
