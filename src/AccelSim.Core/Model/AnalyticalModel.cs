using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Model;

/// <summary>Counts, prices and times a mapping analytically (SPEC §4-§5). See <see cref="AccessCounter"/> for the counting rules.</summary>
public static class AnalyticalModel
{
    /// <summary>Validates the mapping, then evaluates it. Throws <see cref="MappingException"/> when invalid.</summary>
    public static Evaluation Evaluate(ProblemShape problem, Accelerator arch, LoopMapping mapping)
    {
        MappingValidator.Validate(problem, arch, mapping);
        var counter = new AccessCounter(problem, arch);
        counter.Load(mapping);
        counter.Prepare();
        var counts = new AccessCounts(arch.Levels.Count);
        counter.Count(counts);
        return Price(counter, counts);
    }

    /// <summary>Turns counts into energy and cycles (counter must be prepared with the same mapping).</summary>
    internal static Evaluation Price(AccessCounter counter, AccessCounts counts)
    {
        var arch = counter.Arch;
        int levels = arch.Levels.Count;
        var storage = new double[levels, Tensors.Count];
        var network = new double[levels];
        var bandwidth = new long[levels];
        for (int i = 0; i < levels; i++)
        {
            var level = arch.Levels[i].Storage;
            foreach (var t in Tensors.All)
            {
                var c = counts.Get(i, t);
                var energy = level.EnergyFor(t);
                storage[i, (int)t] = c.Reads * energy.Read + c.Writes * energy.Write;
            }
            foreach (var t in Tensors.All) network[i] += counts.NetworkWords(i, t) * NetworkPricing.EnergyPerWord(arch, i, t);
            bandwidth[i] = BandwidthCycles(counts.LevelReads(i), counts.LevelWrites(i), counter.UsedInstances(i), level);
        }
        double mac = counts.Macs * arch.Mac.EnergyPerMac;
        long spatialUnits = counter.UsedInstances(levels);
        return new Evaluation(arch, counter.Problem, counts, storage, network, mac, counter.TemporalIterations,
            counter.Folds * counter.SystolicFoldCycles, bandwidth, spatialUnits);
    }

    /// <summary>Cycles for one instance's share of the traffic through its read and write ports (ports work in parallel).</summary>
    public static long BandwidthCycles(long reads, long writes, long instances, StorageLevel level)
    {
        double perInstanceReads = (double)reads / Math.Max(1, instances);
        double perInstanceWrites = (double)writes / Math.Max(1, instances);
        double cycles = Math.Max(perInstanceReads / level.ReadBandwidth, perInstanceWrites / level.WriteBandwidth);
        return (long)Math.Ceiling(cycles);
    }
}
