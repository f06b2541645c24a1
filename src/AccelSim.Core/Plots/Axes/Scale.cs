namespace AccelSim.Plots.Axes;

/// <summary>Maps data values on an axis to pixel positions between two ends (which may run in either direction).</summary>
internal sealed class Scale
{
    private readonly double _d0;
    private readonly double _d1;

    public Scale(AxisTicks axis, double start, double end)
    {
        Axis = axis;
        Start = start;
        End = end;
        _d0 = Transform(axis.Min);
        _d1 = Transform(axis.Max);
    }

    public AxisTicks Axis { get; }
    public double Start { get; }
    public double End { get; }

    /// <summary>Whether <paramref name="value"/> can be placed: finite, and positive on a log axis.</summary>
    public bool CanPlace(double value) => double.IsFinite(value) && (!Axis.IsLog || value > 0);

    /// <summary>The pixel position of <paramref name="value"/> (which must be placeable).</summary>
    public double Map(double value)
    {
        double t = (Transform(value) - _d0) / (_d1 - _d0);
        return Start + t * (End - Start);
    }

    private double Transform(double value) => Axis.IsLog ? Math.Log10(value) : value;
}
