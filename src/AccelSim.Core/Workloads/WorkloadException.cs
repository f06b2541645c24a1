namespace AccelSim.Workloads;

/// <summary>A workload that cannot be built: bad shape, unknown layer, cycle. The message names the layer and the problem;
/// loaders prefix the file name.</summary>
public sealed class WorkloadException(string message) : AccelSim.Common.InputException(message);
