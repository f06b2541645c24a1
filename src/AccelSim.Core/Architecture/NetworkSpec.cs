namespace AccelSim.Architecture;

/// <summary>
/// The on-chip network of a spatial fan-out: which tensors one parent read can deliver to many children (multicast),
/// whether partial sums of children are added inside the network (spatial reduction), and the energy of moving one word
/// to or from a child.
/// </summary>
public sealed record NetworkSpec(string Name, TensorSet Multicast, bool SpatialReduction, double EnergyPerWord);
