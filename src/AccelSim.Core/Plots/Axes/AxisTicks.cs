namespace AccelSim.Plots.Axes;

/// <summary>
/// The domain of an axis after rounding out to "nice" values, and its ticks. Only every <see cref="LabelStride"/>-th
/// tick gets a label, so a log axis over many decades keeps its grid without crowding its labels.
/// </summary>
internal sealed record AxisTicks(double Min, double Max, IReadOnlyList<double> Ticks, bool IsLog, int LabelStride = 1)
{
    /// <summary>Whether tick number <paramref name="index"/> carries a label.</summary>
    public bool IsLabelled(int index) => index % LabelStride == 0;
}
