namespace AccelSim.Plots;

/// <summary>How an axis maps values to positions.</summary>
public enum AxisScale
{
    Linear,
    /// <summary>Base-10 logarithmic; values that are zero, negative or not finite cannot be placed and are left out.</summary>
    Log,
}

/// <summary>One axis: what it measures, in which unit, on which scale.</summary>
/// <param name="Label">What the axis measures, e.g. "energy".</param>
/// <param name="Unit">The unit shown after the label in parentheses, e.g. "pJ"; null or empty for a pure count or a category axis.</param>
/// <param name="Scale">Linear or log. Category axes of bar charts ignore it.</param>
public sealed record AxisSpec(string Label, string? Unit = null, AxisScale Scale = AxisScale.Linear)
{
    /// <summary>The text drawn along the axis: "label (unit)".</summary>
    public string Text => string.IsNullOrEmpty(Unit) ? Label : $"{Label} ({Unit})";
}
