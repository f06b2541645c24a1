namespace AccelSim.Workloads.Timeloop;

/// <summary>
/// How Timeloop's conv2D dims meet AccelSim's. Timeloop's CNN_Layer projects Inputs' width index as
/// <c>R·Wdilation + P·Wstride</c> and its height index as <c>S·Hdilation + Q·Hstride</c>: its P and R run along the width
/// and Q and S along the height. AccelSim's P and R run along the height. So Timeloop P = AccelSim Q, Timeloop Q = AccelSim P,
/// Timeloop R = AccelSim S, Timeloop S = AccelSim R; C, M and N mean the same; Timeloop has no G (groups = 1).
/// </summary>
public static class TimeloopDims
{
    /// <summary>Timeloop's dim names in the order its CNN_Layer declares them.</summary>
    public static readonly string[] Names = ["C", "M", "R", "S", "N", "P", "Q"];

    /// <summary>The AccelSim dim a Timeloop dim is, or null for an unknown name.</summary>
    public static Dim? ToAccelSim(string timeloopDim) => timeloopDim.ToUpperInvariant() switch
    {
        "C" => Dim.C,
        "M" => Dim.M,
        "N" => Dim.N,
        "P" => Dim.Q,
        "Q" => Dim.P,
        "R" => Dim.S,
        "S" => Dim.R,
        _ => null,
    };

    /// <summary>The Timeloop dim an AccelSim dim is, or null for G (Timeloop's conv2D has no groups).</summary>
    public static string? ToTimeloop(Dim dim) => dim switch
    {
        Dim.C => "C",
        Dim.M => "M",
        Dim.N => "N",
        Dim.Q => "P",
        Dim.P => "Q",
        Dim.S => "R",
        Dim.R => "S",
        _ => null,
    };
}
