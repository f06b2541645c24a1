using AccelSim.Workloads;

namespace AccelSim.Architecture;

/// <summary>A set of tensors, e.g. what a level may hold or what a network can multicast.</summary>
[Flags]
public enum TensorSet
{
    None = 0,
    Weights = 1 << TensorKind.Weights,
    Inputs = 1 << TensorKind.Inputs,
    Outputs = 1 << TensorKind.Outputs,
    All = Weights | Inputs | Outputs,
}

/// <summary>Helpers over <see cref="TensorSet"/>.</summary>
public static class TensorSets
{
    /// <summary>True when <paramref name="tensor"/> is in the set.</summary>
    public static bool Has(this TensorSet set, TensorKind tensor) => ((int)set & (1 << (int)tensor)) != 0;

    /// <summary>The set holding just <paramref name="tensor"/>.</summary>
    public static TensorSet Of(TensorKind tensor) => (TensorSet)(1 << (int)tensor);

    /// <summary>Members in Weights, Inputs, Outputs order.</summary>
    public static IEnumerable<TensorKind> Members(this TensorSet set) => Tensors.All.Where(t => set.Has(t));

    /// <summary>"weights, inputs" style text.</summary>
    public static string Describe(this TensorSet set) =>
        set == TensorSet.None ? "none" : string.Join(", ", set.Members().Select(Tensors.Key));
}
