namespace AccelSim.Sweeps;

/// <summary>One unit of work of a sweep: one combination of swept values and one model, at its place in point order.</summary>
/// <param name="Index">Position in point order (combinations in cartesian order, first --set outermost, models innermost).</param>
/// <param name="Values">One value per axis, in axis order.</param>
/// <param name="Model">The model's name.</param>
public sealed record SweepPoint(int Index, IReadOnlyList<SweepValue> Values, string Model)
{
    /// <summary>What identifies the point across runs (resume): the swept values' text and the model.</summary>
    public string Key => SweepPoint.MakeKey(Values.Select(v => v.Text), Model);

    /// <summary>The identity of a point from its cells.</summary>
    public static string MakeKey(IEnumerable<string> values, string model) => string.Join("\u001f", values.Append(model));
}
