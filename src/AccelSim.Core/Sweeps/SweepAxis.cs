using AccelSim.Architecture;

namespace AccelSim.Sweeps;

/// <summary>One value of a swept parameter: its text as the user wrote it (the CSV cell and the resume key), a number to plot
/// it at, and how it changes an architecture.</summary>
public sealed record SweepValue(string Text, double X, Func<Accelerator, Accelerator> Apply);

/// <summary>A swept parameter (e.g. "array") and its values in the order given.</summary>
/// <param name="Key">The --set key.</param>
/// <param name="XLabel">What <see cref="SweepValue.X"/> measures, for plot axes (e.g. "PEs").</param>
/// <param name="Values">The values in the order given.</param>
public sealed record SweepAxis(string Key, string XLabel, IReadOnlyList<SweepValue> Values);
