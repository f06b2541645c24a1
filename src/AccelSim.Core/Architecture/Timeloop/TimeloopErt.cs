using System.Text.RegularExpressions;
using AccelSim.Common;
using YamlDotNet.RepresentationModel;
using static AccelSim.Architecture.Timeloop.TimeloopYaml;

namespace AccelSim.Architecture.Timeloop;

/// <summary>
/// An Accelergy energy reference table (ERT) as Timeloop reads it: per component, the energy of each action (read, write,
/// update, leak, compute) in pJ, per access of the component's block (a whole row of <c>width</c> bits). Tables are named by
/// the component's path (<c>system_top_level.ifmap_spad[1..168]</c>, or v0.3's <c>System.Chip.PE[0..167].ifmap_spad</c>);
/// the last segment without its instance range is the component. An action listed with several argument sets (v0.3 tables
/// list one per data/address delta) takes the largest energy: the conservative choice, stated in docs/timeloop.md.
/// </summary>
public sealed class TimeloopErt
{
    private readonly Dictionary<string, Dictionary<string, double>> _actions;

    private TimeloopErt(string source, Dictionary<string, Dictionary<string, double>> actions)
    {
        Source = source;
        _actions = actions;
    }

    /// <summary>The file the table came from.</summary>
    public string Source { get; }

    /// <summary>Components the table prices.</summary>
    public IEnumerable<string> Components => _actions.Keys;

    /// <summary>The energy of <paramref name="action"/> on <paramref name="component"/>, or null when the table has none.</summary>
    public double? Energy(string component, string action) =>
        _actions.TryGetValue(component, out var a) && a.TryGetValue(action, out double e) ? e : null;

    /// <summary>True when the table has an entry for the component.</summary>
    public bool Has(string component) => _actions.ContainsKey(component);

    /// <summary>Reads an ERT file (a top-level <c>ERT:</c> with <c>tables:</c>).</summary>
    public static TimeloopErt Load(string path)
    {
        var root = Read(path, "ERT", "the ERT that Accelergy writes (timeloop-mapper.ERT.yaml)");
        var ert = Map(root, path, "", "ERT") ?? throw new InputException($"{path}: ERT: missing (expected an Accelergy energy reference table)");
        var tables = List(ert, path, "ERT", "tables") ?? throw new InputException($"{path}: ERT.tables: missing");
        var actions = new Dictionary<string, Dictionary<string, double>>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < tables.Children.Count; i++)
        {
            string at = $"ERT.tables[{i}]";
            if (tables.Children[i] is not YamlMappingNode table) throw new InputException($"{path}: {at}: expected a mapping");
            string fullName = Scalar(table, "name") ?? throw new InputException($"{path}: {at}.name: missing");
            // Instance ranges hold dots of their own ([1..168]): drop them before taking the last path segment.
            string component = Regex.Replace(fullName, @"\[[^\]]*\]", "").Split('.')[^1].Trim();
            var list = List(table, path, at, "actions") ?? throw new InputException($"{path}: {at}.actions: missing");
            var energies = actions.TryGetValue(component, out var existing) ? existing : actions[component] = new(StringComparer.OrdinalIgnoreCase);
            for (int k = 0; k < list.Children.Count; k++)
            {
                string actionAt = $"{at}.actions[{k}]";
                if (list.Children[k] is not YamlMappingNode action) throw new InputException($"{path}: {actionAt}: expected a mapping");
                string name = Scalar(action, "name") ?? throw new InputException($"{path}: {actionAt}.name: missing");
                double energy = Number(action, path, actionAt, "energy") ?? throw new InputException($"{path}: {actionAt}.energy: missing");
                if (energy < 0) throw new InputException($"{path}: {actionAt}.energy: must not be negative, got {energy}");
                energies[name] = energies.TryGetValue(name, out double before) ? Math.Max(before, energy) : energy;
            }
        }
        return new TimeloopErt(path, actions);
    }
}
