namespace AccelSim.Workloads;

/// <summary>The eight dimensions of the MAC loop nest (SPEC §1). The numeric values index arrays of per-dim factors.</summary>
public enum Dim
{
    /// <summary>Batch, or tokens for a matmul.</summary>
    N = 0,
    /// <summary>Groups (1 for a dense conv, the channel count for depthwise).</summary>
    G = 1,
    /// <summary>Output channels per group.</summary>
    M = 2,
    /// <summary>Input channels per group.</summary>
    C = 3,
    /// <summary>Output rows.</summary>
    P = 4,
    /// <summary>Output columns.</summary>
    Q = 5,
    /// <summary>Filter rows.</summary>
    R = 6,
    /// <summary>Filter columns.</summary>
    S = 7,
}

/// <summary>Helpers over <see cref="Dim"/>.</summary>
public static class Dims
{
    /// <summary>Number of loop-nest dimensions.</summary>
    public const int Count = 8;

    /// <summary>All dims in their canonical order N, G, M, C, P, Q, R, S.</summary>
    public static readonly IReadOnlyList<Dim> All = [Dim.N, Dim.G, Dim.M, Dim.C, Dim.P, Dim.Q, Dim.R, Dim.S];

    /// <summary>Parses a one-letter dim name (case-insensitive).</summary>
    public static bool TryParse(string text, out Dim dim)
    {
        dim = default;
        if (text.Length != 1) return false;
        int i = "NGMCPQRS".IndexOf(char.ToUpperInvariant(text[0]));
        if (i < 0) return false;
        dim = (Dim)i;
        return true;
    }
}
