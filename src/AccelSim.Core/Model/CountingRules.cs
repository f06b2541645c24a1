namespace AccelSim.Model;

/// <summary>Which counting rules the analytical model applies (docs/model.md, "AccelSim's rules and Timeloop's").</summary>
public enum Counting
{
    /// <summary>AccelSim's own rules: drain reads, diagonal multicast, one reload per reduction group, any overlap kept.</summary>
    AccelSim,
    /// <summary>Timeloop's rules, to reproduce its statistics (<see cref="CountingRules.Timeloop"/>).</summary>
    Timeloop,
}

/// <summary>Timeloop's sliding-window halo rule, which its PR #297 (January 2025) changed.</summary>
public enum TimeloopHalo
{
    /// <summary>Timeloop HEAD (after PR #297): the halo is kept across steps of loops irrelevant to inputs.</summary>
    Head,
    /// <summary>Before PR #297 (Timeloop's 2024 reference outputs): the halo is kept only when the advancing loop is the innermost one above the buffer.</summary>
    Pre297,
}

/// <summary>
/// The four places where AccelSim's counting and Timeloop's differ, as switches <see cref="AccessCounter"/> consults
/// (the rest of the model is shared). <see cref="AccelSim"/> is the default; <see cref="Timeloop"/> reproduces
/// timeloop-model's counts.
/// </summary>
public sealed record CountingRules
{
    /// <summary>A buffer reads each finished output tile when it goes back up (the drain). Timeloop counts no such read.</summary>
    public bool DrainReads { get; init; } = true;

    /// <summary>
    /// Children whose input windows start at the same row or column (Eyeriss' diagonal: PE (r, p) needs row p + r) share one
    /// parent read. Timeloop multicasts only across dims irrelevant to the tensor.
    /// </summary>
    public bool DiagonalMulticast { get; init; } = true;

    /// <summary>
    /// Partial sums reloaded into a reduction group go to every child of the group (Timeloop) rather than to one child, the
    /// others starting from zero (AccelSim).
    /// </summary>
    public bool ReloadEveryChild { get; init; }

    /// <summary>How much of the previous input tile a buffer keeps when a loop above it advances.</summary>
    public HaloRule Halo { get; init; } = HaloRule.AnyOverlap;

    /// <summary>AccelSim's own rules (the default).</summary>
    public static readonly CountingRules AccelSim = new();

    /// <summary>Timeloop's rules with the given halo rule.</summary>
    public static CountingRules Timeloop(TimeloopHalo halo = TimeloopHalo.Head) => new()
    {
        DrainReads = false,
        DiagonalMulticast = false,
        ReloadEveryChild = true,
        Halo = halo == TimeloopHalo.Head ? HaloRule.OneAxisShift : HaloRule.InnermostLoopOnly,
    };

    /// <summary>The rules of a counting mode.</summary>
    public static CountingRules For(Counting counting, TimeloopHalo halo = TimeloopHalo.Head) =>
        counting == Counting.Timeloop ? Timeloop(halo) : AccelSim;

    /// <summary>A short name for reports: "accelsim", "timeloop" or "timeloop (pre-#297 halo)".</summary>
    public string Describe() => this == AccelSim ? "accelsim"
        : Halo == HaloRule.InnermostLoopOnly ? "timeloop (pre-#297 halo)" : "timeloop";
}

/// <summary>What part of the resident input tile a buffer keeps when a loop above it advances (the halo).</summary>
public enum HaloRule
{
    /// <summary>
    /// Every word the new tile shares with the resident one, whatever moved (AccelSim): a P step that wraps an inner Q loop
    /// keeps the corner the two tiles share.
    /// </summary>
    AnyOverlap,
    /// <summary>
    /// The overlap only when the tile moves along one axis (rows or columns) and N, G, C stay: Timeloop HEAD, whose
    /// axis-aligned tile difference of two tiles that differ along two axes is the whole new tile.
    /// </summary>
    OneAxisShift,
    /// <summary>
    /// As <see cref="OneAxisShift"/>, and only for the innermost loop above the buffer: Timeloop before PR #297, which refetched
    /// the whole tile when any loop (even one irrelevant to inputs, e.g. M) sat inside the sliding loop.
    /// </summary>
    InnermostLoopOnly,
}
