namespace AccelSim.Workloads.Zoo;

/// <summary>
/// How users' spellings of model names meet the zoo's: case, '_', '-' and '.' are ignored (PyTorch's
/// <c>mobilenet_v2</c>, <c>efficientnet_b0</c>, <c>vgg-16</c> all resolve), and an unknown name gets the nearest names.
/// </summary>
public static class ZooNames
{
    /// <summary>The name reduced to lower-case letters and digits.</summary>
    public static string Normalize(string name) =>
        new(name.Trim().ToLowerInvariant().Where(c => c is not ('_' or '-' or '.')).ToArray());

    /// <summary>Up to three of <paramref name="known"/> closest to <paramref name="name"/> by edit distance of the normalized forms, nearest first.</summary>
    public static IReadOnlyList<string> Nearest(string name, IEnumerable<string> known)
    {
        string wanted = Normalize(name);
        // A typo costs one or two edits; beyond a third of the name it is another name, not a misspelling.
        int limit = Math.Max(2, wanted.Length / 3);
        return known
            .Select(k => (Name: k, Distance: Distance(wanted, Normalize(k)), Prefix: Normalize(k).StartsWith(wanted, StringComparison.Ordinal) && wanted.Length >= 3))
            .Where(c => c.Distance <= limit || c.Prefix)
            .OrderBy(c => c.Prefix ? 0 : c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3).Select(c => c.Name).ToList();
    }

    // Levenshtein distance.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
