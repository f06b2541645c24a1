using AccelSim.Common;

namespace AccelSim.Sweeps;

/// <summary>Shard K of N (1-based): the points whose index modulo N is K − 1. Round-robin keeps the shards balanced even when
/// the cost grows along an axis (large arrays map slower).</summary>
public sealed record SweepShard(int K, int N)
{
    /// <summary>The whole sweep.</summary>
    public static SweepShard All { get; } = new(1, 1);

    /// <summary>True when this shard runs point <paramref name="index"/>.</summary>
    public bool Owns(int index) => index % N == K - 1;

    /// <summary>Parses "K/N".</summary>
    public static SweepShard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out int k) || !int.TryParse(parts[1], out int n) || n < 1 || k < 1 || k > n)
            throw new InputException($"--shard {text}: expected K/N with 1 <= K <= N (e.g. 3/8)");
        return new SweepShard(k, n);
    }

    /// <inheritdoc />
    public override string ToString() => $"{K}/{N}";
}
