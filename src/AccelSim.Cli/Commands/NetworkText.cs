using AccelSim.Architecture;

namespace AccelSim.Cli.Commands;

/// <summary>One axis of a network as text for <c>accelsim arch</c>: what it multicasts, forwards and whether it reduces.</summary>
internal static class NetworkText
{
    /// <summary>"multicast weights, inputs, forwards inputs, reduces" style text; "unicast" when it shares nothing.</summary>
    public static string Axis(AxisNetwork axis)
    {
        var parts = new List<string>();
        if (axis.Multicast != TensorSet.None) parts.Add($"multicast {axis.Multicast.Describe()}");
        if (axis.Forward != TensorSet.None) parts.Add($"forwards {axis.Forward.Describe()}");
        parts.Add(axis.Reduces ? "reduces" : "no reduction");
        return string.Join(", ", parts);
    }
}
