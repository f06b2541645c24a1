using AccelSim.Workloads;

namespace AccelSim.Architecture;

/// <summary>
/// The on-chip network of a spatial fan-out, stated per axis (SPEC §2): which tensors one parent read can deliver to
/// many children along X and along Y (multicast, or systolic forwarding from neighbour to neighbour), along which axes
/// partial sums of children are added inside the network (spatial reduction, by an adder tree or by forwarding partial
/// sums), whether input windows that coincide across different sliding dims share a read (Eyeriss' diagonal ifmap
/// multicast), and the energy of moving one word to or from a child.
/// </summary>
public sealed record NetworkSpec
{
    /// <summary>A network with the same semantics on both axes (the single-set form of the arch file).</summary>
    public NetworkSpec(string name, TensorSet multicast, bool spatialReduction, double energyPerWord)
        : this(name, new AxisNetwork(multicast, TensorSet.None, spatialReduction), new AxisNetwork(multicast, TensorSet.None, spatialReduction), energyPerWord)
    {
    }

    /// <summary>A network with its own semantics per axis.</summary>
    public NetworkSpec(string name, AxisNetwork x, AxisNetwork y, double energyPerWord)
    {
        Name = name;
        X = x;
        Y = y;
        EnergyPerWord = energyPerWord;
    }

    /// <summary>The network's name (reports only).</summary>
    public string Name { get; init; }

    /// <summary>What the network does along X (the columns of the fan-out, the inner spatial index).</summary>
    public AxisNetwork X { get; init; }

    /// <summary>What the network does along Y (the rows of the fan-out, the outer spatial index).</summary>
    public AxisNetwork Y { get; init; }

    /// <summary>Energy of delivering one word to a child (or draining one from it) when no <see cref="Wire"/> is given.</summary>
    public double EnergyPerWord { get; init; }

    /// <summary>
    /// The array's PE pitch and wire energy (<c>fanout.pe_pitch_mm</c> or <c>array_area_mm2</c>); when set, the network is
    /// priced by topology and distance per tensor (<see cref="NetworkPricing"/>), not by <see cref="EnergyPerWord"/>.
    /// </summary>
    public WireGeometry? Wire { get; init; }

    /// <summary>
    /// <c>diagonal_multicast</c>. True (the default): children whose input windows start on the same row or column share
    /// one parent read even when different sliding dims put them there (Eyeriss' PE (r, p) needs ifmap row r + p, so one
    /// row serves a diagonal of PEs; P and R on one axis coincide the same way). False: an input read is shared only by
    /// children that differ in dims irrelevant to inputs, as Timeloop's multicast, which needs identical coordinates.
    /// Only matters on an axis that shares inputs.
    /// </summary>
    public bool DiagonalMulticast { get; init; } = true;

    /// <summary>The semantics of one axis.</summary>
    public AxisNetwork Axis(bool y) => y ? Y : X;

    /// <summary>True when one parent read of <paramref name="tensor"/> can serve several children along the axis.</summary>
    public bool Shares(TensorKind tensor, bool y) => Axis(y).Shares(tensor);

    /// <summary>
    /// True when children that differ along the axis in <paramref name="dim"/> may be served by one read when their tiles
    /// are equal: the axis shares the tensor and, for an input dim whose windows can coincide (P, Q, R, S, or the joint
    /// dim of a flattened group, <paramref name="joint"/>), the network multicasts diagonally.
    /// </summary>
    public bool SharesAcross(TensorKind tensor, bool y, Workloads.Dim dim, bool joint = false) =>
        Shares(tensor, y) && (DiagonalMulticast || tensor != TensorKind.Inputs || !(joint || dim is Workloads.Dim.P or Workloads.Dim.Q or Workloads.Dim.R or Workloads.Dim.S));

    /// <summary>True when partial sums of children along the axis are added inside the network.</summary>
    public bool Reduces(bool y) => Axis(y).Reduces;

    /// <summary>True when the network reduces partial sums along X or Y.</summary>
    public bool ReducesAny => X.Reduces || Y.Reduces;
}

/// <summary>
/// One axis of a network. <paramref name="Multicast"/>: tensors one read delivers to many children along the axis (a bus).
/// <paramref name="Forward"/>: tensors passed systolically from neighbour to neighbour along the axis; for weights and
/// inputs that shares a read like multicast, for outputs it accumulates partial sums on the way (a TPU's columns).
/// <paramref name="Reduction"/>: partial sums of the axis' children are added by an adder tree.
/// </summary>
public sealed record AxisNetwork(TensorSet Multicast, TensorSet Forward, bool Reduction)
{
    /// <summary>An axis that shares nothing and does not reduce.</summary>
    public static readonly AxisNetwork None = new(TensorSet.None, TensorSet.None, false);

    /// <summary>True when one parent read of an operand serves several children along the axis (multicast or forwarding).</summary>
    public bool Shares(TensorKind tensor) => (Multicast | Forward).Has(tensor);

    /// <summary>True when partial sums are added along the axis (adder tree or forwarded partial sums).</summary>
    public bool Reduces => Reduction || Forward.Has(TensorKind.Outputs);
}
