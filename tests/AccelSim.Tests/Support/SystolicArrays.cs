using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Tests.Support;

/// <summary>The shipped systolic array as SCALE-Sim's stall-free compute report sees it, for the fold-timing tests.</summary>
public static class SystolicArrays
{
    /// <summary>
    /// systolic-32x32 with unbounded links and buffers, so that only the array's own timing remains; resized to
    /// <paramref name="size"/> x <paramref name="size"/> when given.
    /// </summary>
    public static Accelerator ComputeOnly(int? size = null)
    {
        var arch = ArchitectureLibrary.Load("systolic-32x32");
        return arch with
        {
            Levels = arch.Levels.Select(l => l with
            {
                Storage = l.Storage with { ReadBandwidth = double.PositiveInfinity, WriteBandwidth = double.PositiveInfinity },
                Fanout = l.Fanout is null || size is not { } n ? l.Fanout : l.Fanout with { X = n, Y = n },
            }).ToList(),
        };
    }

    /// <summary>A per-dim factor array: the given factors, 1 elsewhere.</summary>
    public static int[] Factors(params (Dim Dim, int Factor)[] factors)
    {
        var a = LevelMapping.Ones();
        foreach (var (d, f) in factors) a[(int)d] = f;
        return a;
    }
}
