using YamlDotNet.RepresentationModel;

namespace AccelSim.Architecture.Yaml;

/// <summary>
/// Reads the per-axis semantics of a fan-out's <c>network:</c>. Each of <c>multicast</c> and <c>forward</c> is a tensor
/// list (both axes, the original single-set form) or <c>{x: [...], y: [...]}</c>; <c>reduction</c> is true/false (both axes)
/// or <c>{x: bool, y: bool}</c>; <c>diagonal_multicast</c> (default true) lets coinciding input windows share a read.
/// </summary>
internal static class NetworkYaml
{
    /// <summary>The keys a <c>network:</c> mapping may have.</summary>
    public static readonly string[] Keys = ["name", "multicast", "forward", "reduction", "diagonal_multicast", "energy"];

    /// <summary>The network's semantics; <paramref name="net"/> null means a network that shares and reduces nothing.</summary>
    public static NetworkSpec Read(YamlMap? net, string name, double energy)
    {
        if (net is null) return new NetworkSpec(name, AxisNetwork.None, AxisNetwork.None, energy);
        var (multicastX, multicastY) = PerAxisTensors(net, "multicast");
        var (forwardX, forwardY) = PerAxisTensors(net, "forward");
        var (reduceX, reduceY) = PerAxisBool(net, "reduction");
        return new NetworkSpec(name, new AxisNetwork(multicastX, forwardX, reduceX), new AxisNetwork(multicastY, forwardY, reduceY), energy)
        {
            DiagonalMulticast = net.Bool("diagonal_multicast") ?? true,
        };
    }

    private static (TensorSet X, TensorSet Y) PerAxisTensors(YamlMap net, string key)
    {
        if (net.Node(key) is YamlMappingNode)
        {
            var axes = net.Map(key)!;
            axes.AllowOnly("x", "y");
            return (Tensors(axes, "x"), Tensors(axes, "y"));
        }
        var both = Tensors(net, key);
        return (both, both);
    }

    private static TensorSet Tensors(YamlMap map, string key) =>
        map.NameList(key) is { } names ? LevelYaml.ParseTensors(map.File, names) : TensorSet.None;

    private static (bool X, bool Y) PerAxisBool(YamlMap net, string key)
    {
        if (net.Node(key) is YamlMappingNode)
        {
            var axes = net.Map(key)!;
            axes.AllowOnly("x", "y");
            return (axes.Bool("x") ?? false, axes.Bool("y") ?? false);
        }
        bool both = net.Bool(key) ?? false;
        return (both, both);
    }
}
