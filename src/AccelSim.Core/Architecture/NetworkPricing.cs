using AccelSim.Workloads;

namespace AccelSim.Architecture;

/// <summary>
/// Energy of one word of a tensor delivered to (or drained from) a child of a fan-out. Without a
/// <see cref="NetworkSpec.Wire"/> geometry it is the network's flat <see cref="NetworkSpec.EnergyPerWord"/> (one hop at
/// the parent's word width, the charging kept for configs that give no geometry). With one, it is the wire a word
/// travels, in PE pitches, times the pitch, the wire energy per bit per mm and the width of the tensor that travels
/// (docs/energy.md, "Network energy by topology"). Axis by axis:
/// <list type="bullet">
/// <item>an axis that shares the tensor (forwards or multicasts an operand, forwards partial sums) spans its n children
/// with n pitches of wire, a systolic chain of neighbour links or a bus shared by the n receivers of one read: one pitch
/// per word;</item>
/// <item>an axis that adds partial sums by an adder tree: a tree over n leaves on a line has log2(n) levels of n/2
/// pitches, log2(n)/2 pitches per word;</item>
/// <item>an axis that does neither: in a systolic array every row and column has its own port at the edge (the TPU's
/// data setup and accumulators), so nothing travels along it; otherwise a point-to-point tree from the middle of the
/// edge, n/2 pitches per read, shared by the words the other axes spread that read to.</item>
/// </list>
/// The axes are assumed fully used (a bus or chain spans its whole axis whatever the mapping unrolls on it).
/// </summary>
public static class NetworkPricing
{
    /// <summary>Energy of one word of <paramref name="tensor"/> through the fan-out below level <paramref name="level"/>.</summary>
    public static double EnergyPerWord(Accelerator arch, int level, TensorKind tensor)
    {
        var fanout = arch.Levels[level].Fanout;
        if (fanout is null) return 0;
        var wire = fanout.Network.Wire;
        if (wire is null) return fanout.Network.EnergyPerWord;
        return TravellingBits(arch, level, tensor) * PitchesPerWord(fanout, tensor) * wire.PePitchMm * wire.PicojoulesPerBitMm;
    }

    /// <summary><see cref="EnergyPerWord"/> of every level and tensor, indexed [level, tensor] (for hot loops).</summary>
    public static double[,] EnergiesPerWord(Accelerator arch)
    {
        var table = new double[arch.Levels.Count, Tensors.Count];
        for (int i = 0; i < arch.Levels.Count; i++)
            foreach (var t in Tensors.All) table[i, (int)t] = EnergyPerWord(arch, i, t);
        return table;
    }

    /// <summary>PE pitches of wire one word of <paramref name="tensor"/> travels through the fan-out.</summary>
    public static double PitchesPerWord(SpatialFanout fanout, TensorKind tensor)
    {
        double shared = 0, unshared = 0, spread = 1;
        foreach (var (children, axis) in new[] { (fanout.X, fanout.Network.X), (fanout.Y, fanout.Network.Y) })
        {
            if (children <= 1) continue;
            double along = AlongSharingAxis(axis, tensor, children);
            if (along > 0)
            {
                shared += along;
                spread *= children;
            }
            else if (!fanout.Systolic) unshared += children / 2.0;
        }
        return shared + unshared / spread;
    }

    // Pitches per word along an axis that shares or reduces the tensor; 0 when the axis does neither.
    private static double AlongSharingAxis(AxisNetwork axis, TensorKind tensor, int children)
    {
        if (tensor != TensorKind.Outputs) return axis.Shares(tensor) ? 1 : 0;
        if (axis.Forward.Has(tensor)) return 1;
        return axis.Reduction ? Math.Log2(children) / 2 : 0;
    }

    /// <summary>
    /// Bits of one word of the tensor on the wire: operands at the width of the level they are delivered to (the MAC's
    /// operand width when the fan-out feeds MACs), partial sums at the width of the parent that accumulates them.
    /// </summary>
    public static int TravellingBits(Accelerator arch, int level, TensorKind tensor)
    {
        if (tensor == TensorKind.Outputs) return arch.Levels[level].Storage.WordBits;
        return level + 1 < arch.Levels.Count ? arch.Levels[level + 1].Storage.WordBits : arch.Mac.Bits;
    }
}
