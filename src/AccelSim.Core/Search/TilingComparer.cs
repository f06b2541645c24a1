namespace AccelSim.Search;

/// <summary>Compares one level's temporal factors (one per dim) by value, for sets of innermost tilings.</summary>
internal sealed class TilingComparer : IEqualityComparer<int[]>
{
    public static readonly TilingComparer Instance = new();

    public bool Equals(int[]? a, int[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    public int GetHashCode(int[] factors)
    {
        var hash = new HashCode();
        foreach (int f in factors) hash.Add(f);
        return hash.ToHashCode();
    }
}
