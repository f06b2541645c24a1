using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Model;

/// <summary>
/// What one mapping of one layer costs: the access counts, energy by level, tensor and kind (storage, network, MAC),
/// ideal and bandwidth-bound cycles, and utilization. Energies are in the architecture's energy unit.
/// </summary>
public sealed class Evaluation
{
    internal Evaluation(Accelerator arch, ProblemShape problem, AccessCounts counts, double[,] storageEnergy, double[] networkEnergy,
        double macEnergy, long computeCycles, long pipelineCycles, long[] bandwidthCycles, long spatialUnits)
    {
        Arch = arch;
        Problem = problem;
        Counts = counts;
        StorageEnergy = storageEnergy;
        NetworkEnergy = networkEnergy;
        MacEnergy = macEnergy;
        ComputeCycles = computeCycles;
        PipelineCycles = pipelineCycles;
        BandwidthCycles = bandwidthCycles;
        SpatialUnits = spatialUnits;
        LeakageEnergy = new double[arch.Levels.Count];
    }

    public Accelerator Arch { get; }
    public ProblemShape Problem { get; }
    public AccessCounts Counts { get; }
    /// <summary>Storage energy [level, tensor].</summary>
    public double[,] StorageEnergy { get; }
    /// <summary>Network energy of the fan-out below each level.</summary>
    public double[] NetworkEnergy { get; }
    public double MacEnergy { get; }
    /// <summary>Static energy of each level over the layer's cycles (<see cref="StorageLevel.LeakagePerCycle"/>; 0 when not given).</summary>
    public double[] LeakageEnergy { get; }
    /// <summary>Cycles with every level keeping up: the temporal iterations of the nest.</summary>
    public long ComputeCycles { get; }
    /// <summary>Systolic fill and drain: every fold pays the arrays' skew (<see cref="Accelerator.SystolicSkew"/>).</summary>
    public long PipelineCycles { get; }
    /// <summary>Cycles each level needs to move its traffic through its read and write ports.</summary>
    public long[] BandwidthCycles { get; }
    /// <summary>MAC units doing work every cycle.</summary>
    public long SpatialUnits { get; }

    /// <summary>Analytical cycles: compute (with systolic fill and drain) and every level's transfers overlap perfectly
    /// (the slowest one bounds).</summary>
    public long Cycles => Math.Max(ComputeCycles + PipelineCycles, BandwidthCycles.Max());

    /// <summary>Energy of one level (all tensors, and its leakage).</summary>
    public double LevelEnergy(int level) => Enumerable.Range(0, Tensors.Count).Sum(t => StorageEnergy[level, t]) + LeakageEnergy[level];

    /// <summary>Storage energy of one tensor at every level plus its share of nothing else.</summary>
    public double TensorEnergy(TensorKind tensor) => Enumerable.Range(0, Arch.Levels.Count).Sum(i => StorageEnergy[i, (int)tensor]);

    public double TotalStorageEnergy => Enumerable.Range(0, Arch.Levels.Count).Sum(LevelEnergy);
    public double TotalNetworkEnergy => NetworkEnergy.Sum();
    public double TotalEnergy => TotalStorageEnergy + TotalNetworkEnergy + MacEnergy;
    public double EnergyPerMac => TotalEnergy / Counts.Macs;

    /// <summary>Used MAC units over available ones.</summary>
    public double SpatialUtilization => (double)SpatialUnits / Arch.MacUnits;

    /// <summary>MACs over (cycles × MAC units): stalls and idle units both count against it.</summary>
    public double Utilization => (double)Counts.Macs / ((double)Cycles * Arch.MacUnits);

    /// <summary>Energy × cycles.</summary>
    public double EnergyDelayProduct => TotalEnergy * Cycles;

    /// <summary>Words moved to or from DRAM (level 0).</summary>
    public long DramWords => Counts.LevelReads(0) + Counts.LevelWrites(0);
}
