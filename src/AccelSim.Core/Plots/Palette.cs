namespace AccelSim.Plots;

/// <summary>
/// Series colours: the Okabe–Ito palette, distinguishable under the common colour-vision deficiencies, ordered so the
/// first few series get the most contrasting hues. Beyond eight series the colours repeat in greys.
/// </summary>
public static class Palette
{
    /// <summary>Blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black, then greys.</summary>
    public static IReadOnlyList<string> Colors { get; } =
        ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000", "#999999", "#555555", "#CCCCCC"];

    /// <summary>The colour of series number <paramref name="index"/> (wraps around).</summary>
    public static string Color(int index) => Colors[index % Colors.Count];
}
