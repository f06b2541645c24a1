namespace AccelSim.Mapping.Search;

/// <summary>One spatial unrolling: X and Y factors (indexed by dim) for every level's fan-out.</summary>
internal sealed record SpatialCandidate(int[][] X, int[][] Y, long Units);
