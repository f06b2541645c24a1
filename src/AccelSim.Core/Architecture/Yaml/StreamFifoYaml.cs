using AccelSim.Workloads;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// Reads a level's <c>stream_fifo:</c> (tensor: words), the FIFOs through which a level's tiles stream in and out while
/// the level below keeps computing (Eyeriss' PE I/O FIFOs; docs/simulator.md, "Streaming FIFOs").
/// </summary>
internal static class StreamFifoYaml
{
    public static IReadOnlyDictionary<TensorKind, long>? Read(YamlMap map, TensorSet keeps)
    {
        var fifo = map.Map("stream_fifo");
        if (fifo is null) return null;
        var depths = new Dictionary<TensorKind, long>();
        foreach (string key in fifo.Keys)
        {
            if (!Tensors.TryParse(key, out var tensor)) throw fifo.Error(key, "unknown tensor (expected weights, inputs or outputs)");
            if (depths.ContainsKey(tensor)) throw fifo.Error(key, $"{Tensors.Key(tensor)} given twice");
            if (!keeps.Has(tensor)) throw fifo.Error(key, $"the level does not keep {Tensors.Key(tensor)}, so nothing of it streams through");
            depths[tensor] = fifo.PositiveInt(key) ?? throw fifo.Error(key, "missing depth in words");
        }
        if (depths.Count == 0) throw map.Error("stream_fifo", "must give at least one tensor's depth in words");
        return depths;
    }
}
