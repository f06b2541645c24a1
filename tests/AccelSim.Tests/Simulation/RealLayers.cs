using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Search;
using AccelSim.Workloads;

namespace AccelSim.Tests.Simulation;

/// <summary>AlexNet's layers (the two-group version of the original paper) and their row-stationary mappings on Eyeriss,
/// searched once per test run.</summary>
public static class RealLayers
{
    public static readonly IReadOnlyDictionary<string, ProblemShape> AlexNet = new Dictionary<string, ProblemShape>
    {
        ["CONV1"] = new(1, 1, 96, 3, 55, 55, 11, 11, 4, 4),
        ["CONV2"] = new(1, 2, 128, 48, 27, 27, 5, 5),
        ["CONV3"] = new(1, 1, 384, 256, 13, 13, 3, 3),
        ["CONV4"] = new(1, 2, 192, 192, 13, 13, 3, 3),
        ["CONV5"] = new(1, 2, 128, 192, 13, 13, 3, 3),
        ["FC6"] = new(1, 1, 4096, 9216, 1, 1, 1, 1),
        ["FC7"] = new(1, 1, 4096, 4096, 1, 1, 1, 1),
        ["FC8"] = new(1, 1, 1000, 4096, 1, 1, 1, 1),
    };

    public static readonly Lazy<Accelerator> Eyeriss = new(() => ArchitectureLibrary.Load("eyeriss"));

    private static readonly Dictionary<string, LoopMapping> Mappings = [];

    /// <summary>The mapper's row-stationary mapping of an AlexNet layer on Eyeriss (cached).</summary>
    public static LoopMapping EyerissMapping(string layer)
    {
        lock (Mappings)
        {
            if (!Mappings.TryGetValue(layer, out var mapping))
                Mappings[layer] = mapping = Mapper.Search(AlexNet[layer], Eyeriss.Value, Dataflows.RowStationary).Mapping;
            return mapping;
        }
    }
}
