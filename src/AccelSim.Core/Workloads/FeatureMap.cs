namespace AccelSim.Workloads;

/// <summary>The shape of one activation tensor for a single batch item: channels × height × width.
/// Token sequences (transformers) are features × tokens × 1.</summary>
public sealed record FeatureMap(int Channels, int Height, int Width)
{
    /// <summary>Elements per batch item.</summary>
    public long Elements => (long)Channels * Height * Width;

    /// <inheritdoc />
    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
