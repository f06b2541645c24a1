using AccelSim.Architecture;
using AccelSim.Common;

namespace AccelSim.Simulation;

/// <summary>
/// The read and write port of every storage level (one representative instance each), each with a busy-until time.
/// Time is counted in ticks of 1/<see cref="TicksPerCycle"/> cycle, with ticks per cycle the least common multiple of
/// the integer bandwidths, so that words ÷ bandwidth is exact and the simulated time can never fall below a level's
/// bandwidth bound by rounding.
/// </summary>
internal sealed class LinkPorts
{
    private readonly double[] _readBandwidth, _writeBandwidth;

    public LinkPorts(Accelerator arch)
    {
        int levels = arch.Levels.Count;
        _readBandwidth = arch.Levels.Select(l => l.Storage.ReadBandwidth).ToArray();
        _writeBandwidth = arch.Levels.Select(l => l.Storage.WriteBandwidth).ToArray();
        long k = 1;
        foreach (var bw in _readBandwidth.Concat(_writeBandwidth))
            if (double.IsFinite(bw) && bw >= 1 && bw == Math.Floor(bw) && bw < 1e6)
            {
                long next = k / IntegerMath.Gcd(k, (long)bw) * (long)bw;
                if (next <= 1_000_000) k = next; // fractional or huge mixes fall back to rounding up, still a safe bound
            }
        TicksPerCycle = k;
        ReadFree = new Timed[levels]; WriteFree = new Timed[levels];
        ReadBusy = new long[levels]; WriteBusy = new long[levels];
    }

    public long TicksPerCycle { get; }
    public Timed[] ReadFree { get; }
    public Timed[] WriteFree { get; }
    public long[] ReadBusy { get; }
    public long[] WriteBusy { get; }

    public long ReadTicks(int level, long words) => Ticks(words, _readBandwidth[level]);
    public long WriteTicks(int level, long words) => Ticks(words, _writeBandwidth[level]);

    /// <summary>Books the read port of a level from <paramref name="start"/> for <paramref name="ticks"/>; whoever waits
    /// for the port later inherits the blame of <paramref name="cause"/>.</summary>
    public void BookRead(int level, long start, long ticks, Timed cause)
    {
        if (ticks == 0) return;
        ReadFree[level] = cause with { Ticks = start + ticks };
        ReadBusy[level] += ticks;
    }

    /// <summary>Books the write port of a level from <paramref name="start"/> for <paramref name="ticks"/>.</summary>
    public void BookWrite(int level, long start, long ticks, Timed cause)
    {
        if (ticks == 0) return;
        WriteFree[level] = cause with { Ticks = start + ticks };
        WriteBusy[level] += ticks;
    }

    private long Ticks(long words, double bandwidth)
    {
        if (words == 0 || double.IsPositiveInfinity(bandwidth)) return 0;
        if (bandwidth == Math.Floor(bandwidth) && bandwidth >= 1 && bandwidth < 1e6)
        {
            long bw = (long)bandwidth, scaled = words * TicksPerCycle;
            return (scaled + bw - 1) / bw;
        }
        return (long)Math.Ceiling(words * (double)TicksPerCycle / bandwidth);
    }
}
