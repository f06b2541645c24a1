using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Workloads;

namespace AccelSim.Model;

/// <summary>Counts, prices and times a mapping analytically (SPEC §4-§5). See <see cref="AccessCounter"/> for the counting rules.</summary>
public static class AnalyticalModel
{
    /// <summary>Validates the mapping, then evaluates it. Throws <see cref="MappingException"/> when invalid.</summary>
    public static Evaluation Evaluate(ProblemShape problem, Accelerator arch, LoopMapping mapping, CountingRules? rules = null)
    {
        MappingValidator.Validate(problem, arch, mapping);
        var counter = new AccessCounter(problem, arch, rules);
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
                long instances = counter.UsedInstances(i);
                storage[i, (int)t] = Priced(c.Reads, energy.Read, level.BlockSize, instances) + Priced(c.Fills, energy.Write, level.BlockSize, instances)
                    + Priced(c.Updates, energy.Update, level.BlockSize, instances);
            }
            foreach (var t in Tensors.All) network[i] += counts.NetworkWords(i, t) * NetworkPricing.EnergyPerWord(arch, i, t);
            bandwidth[i] = BandwidthCycles(counts.LevelReads(i), counts.LevelWrites(i), counter.UsedInstances(i), level);
        }
        double mac = counts.Macs * arch.Mac.EnergyPerMac;
        long spatialUnits = counter.UsedInstances(levels);
        var evaluation = new Evaluation(arch, counter.Problem, counts, storage, network, mac, counter.TemporalIterations,
            counter.Folds * counter.SystolicFoldCycles, bandwidth, spatialUnits);
        // Leakage: every cycle of the layer, every instance doing work (Timeloop's convention).
        for (int i = 0; i < levels; i++)
            evaluation.LeakageEnergy[i] = arch.Levels[i].Storage.LeakagePerCycle * evaluation.Cycles * counter.UsedInstances(i);
        return evaluation;
    }

    // Energy of `words` accesses over `instances` instances at `perWord`: in whole blocks per instance when the level moves
    // blocks (Timeloop's vector accesses: 18 words into an 8-word block cost 3 accesses), else per word.
    private static double Priced(long words, double perWord, int block, long instances)
    {
        if (block <= 1 || instances < 1 || words % instances != 0) return words * perWord;
        long perInstance = words / instances;
        long blocks = (perInstance + block - 1) / block;
        return (double)blocks * block * perWord * instances;
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
