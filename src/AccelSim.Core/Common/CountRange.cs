namespace AccelSim.Common;

/// <summary>
/// Shapes are 32-bit and counts 64-bit, and all arithmetic on them is checked (the Core project compiles with overflow
/// checks on). This turns the <see cref="OverflowException"/> of a count that does not fit into one input-error line
/// naming where it happened, instead of a stack trace or a wrapped number.
/// </summary>
public static class CountRange
{
    /// <summary>What does not fit, said once for every message.</summary>
    public const string Limits = "a dimension would exceed 2,147,483,647 or a count 9,223,372,036,854,775,807 (2^63 - 1)";

    /// <summary>Runs <paramref name="work"/>; an overflow becomes an <see cref="InputException"/> prefixed by <paramref name="where"/>.</summary>
    public static T Checked<T>(string where, Func<T> work)
    {
        try { return work(); }
        catch (OverflowException) { throw new InputException($"{where}: out of range: {Limits}"); }
    }
}
