namespace AccelSim.Workloads;

/// <summary>The three data spaces of a MAC layer.</summary>
public enum TensorKind
{
    /// <summary>Weights [G][M][C][R][S].</summary>
    Weights = 0,
    /// <summary>Inputs [N][G][C][H][W] (sliding window over P/R and Q/S).</summary>
    Inputs = 1,
    /// <summary>Outputs [N][G][M][P][Q] (partial sums while C, R, S are not exhausted).</summary>
    Outputs = 2,
}

/// <summary>Which dims index which tensor (SPEC §1 "relevant" dims).</summary>
public static class Tensors
{
    /// <summary>Number of tensors.</summary>
    public const int Count = 3;

    /// <summary>Weights, Inputs, Outputs.</summary>
    public static readonly IReadOnlyList<TensorKind> All = [TensorKind.Weights, TensorKind.Inputs, TensorKind.Outputs];

    // Bit masks over Dim values: bit d set when dim d indexes the tensor.
    private const int WeightMask = (1 << (int)Dim.G) | (1 << (int)Dim.M) | (1 << (int)Dim.C) | (1 << (int)Dim.R) | (1 << (int)Dim.S);
    private const int InputMask = (1 << (int)Dim.N) | (1 << (int)Dim.G) | (1 << (int)Dim.C) | (1 << (int)Dim.P) | (1 << (int)Dim.Q) | (1 << (int)Dim.R) | (1 << (int)Dim.S);
    private const int OutputMask = (1 << (int)Dim.N) | (1 << (int)Dim.G) | (1 << (int)Dim.M) | (1 << (int)Dim.P) | (1 << (int)Dim.Q);

    /// <summary>Bit mask of the dims relevant to <paramref name="tensor"/>.</summary>
    public static int RelevantMask(TensorKind tensor) => tensor switch
    {
        TensorKind.Weights => WeightMask,
        TensorKind.Inputs => InputMask,
        _ => OutputMask,
    };

    /// <summary>True when <paramref name="dim"/> indexes <paramref name="tensor"/>.</summary>
    public static bool IsRelevant(TensorKind tensor, Dim dim) => (RelevantMask(tensor) & (1 << (int)dim)) != 0;

    /// <summary>Short lower-case name used in files and reports.</summary>
    public static string Key(TensorKind tensor) => tensor switch
    {
        TensorKind.Weights => "weights",
        TensorKind.Inputs => "inputs",
        _ => "outputs",
    };

    /// <summary>Parses "weights"/"inputs"/"outputs" (also "W", "I", "O"), case-insensitive.</summary>
    public static bool TryParse(string text, out TensorKind tensor)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "weights": case "weight": case "w": case "filter": case "filters": tensor = TensorKind.Weights; return true;
            case "inputs": case "input": case "i": case "ifmap": case "ifmaps": tensor = TensorKind.Inputs; return true;
            case "outputs": case "output": case "o": case "ofmap": case "ofmaps": case "psum": case "psums": tensor = TensorKind.Outputs; return true;
            default: tensor = default; return false;
        }
    }
}
