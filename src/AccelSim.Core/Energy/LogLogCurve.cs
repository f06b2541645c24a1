namespace AccelSim.Energy;

/// <summary>
/// A monotone curve through published (x, y) points, straight in log-log space between them and extended with the
/// slope of the end segments beyond them. Used for SRAM energy versus capacity and multiplier energy versus width,
/// where published figures are few and a power law between them is the usual reading.
/// </summary>
public sealed class LogLogCurve
{
    private readonly (double X, double Y)[] _points;

    /// <summary>Builds the curve; needs at least two points with positive, strictly increasing x and positive y.</summary>
    public LogLogCurve(params (double X, double Y)[] points)
    {
        if (points.Length < 2) throw new ArgumentException("a log-log curve needs at least two points", nameof(points));
        for (int i = 0; i < points.Length; i++)
        {
            if (points[i].X <= 0 || points[i].Y <= 0) throw new ArgumentException("log-log points must be positive", nameof(points));
            if (i > 0 && points[i].X <= points[i - 1].X) throw new ArgumentException("log-log points must increase in x", nameof(points));
        }
        _points = points;
    }

    /// <summary>The value at <paramref name="x"/> (positive).</summary>
    public double At(double x)
    {
        if (x <= 0) throw new ArgumentOutOfRangeException(nameof(x), x, "must be positive");
        // Pick the segment holding x, or the end segment for extrapolation.
        int i = 0;
        while (i < _points.Length - 2 && x > _points[i + 1].X) i++;
        var (x0, y0) = _points[i];
        var (x1, y1) = _points[i + 1];
        double slope = Math.Log(y1 / y0) / Math.Log(x1 / x0);
        return y0 * Math.Pow(x / x0, slope);
    }

    /// <summary>The log-log slope (power-law exponent) of the segment holding <paramref name="x"/>.</summary>
    public double SlopeAt(double x)
    {
        int i = 0;
        while (i < _points.Length - 2 && x > _points[i + 1].X) i++;
        return Math.Log(_points[i + 1].Y / _points[i].Y) / Math.Log(_points[i + 1].X / _points[i].X);
    }
}
