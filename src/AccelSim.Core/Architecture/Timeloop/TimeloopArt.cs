using System.Globalization;
using System.Text.RegularExpressions;
using AccelSim.Common;
using YamlDotNet.RepresentationModel;
using static AccelSim.Architecture.Timeloop.TimeloopYaml;

namespace AccelSim.Architecture.Timeloop;

/// <summary>
/// An Accelergy area reference table (ART, <c>timeloop-mapper.ART.yaml</c>) as Timeloop reports it: per component, the area
/// of one instance in µm² (Accelergy's unit; Timeloop's stats print it as "Area : … um^2" per instance and the arithmetic's
/// "Area (total)" times its instances). A table's name is the component's path with its instance ranges
/// (<c>system_top_level.ifmap_spad[1..168]</c>, or v0.3's <c>System.Chip.PE[0..167].ifmap_spad</c>): the last segment without
/// its range is the component, and the product of the ranges its instance count.
/// </summary>
public sealed class TimeloopArt
{
    /// <summary>One component: its name, area of one instance (µm²), instance count, and whether it is a level of the architecture.</summary>
    public sealed record Entry(string Component, double AreaPerInstanceUm2, long Instances, bool IsLevel)
    {
        /// <summary>The area of all its instances (µm²).</summary>
        public double TotalUm2 => AreaPerInstanceUm2 * Instances;
    }

    private TimeloopArt(IReadOnlyList<Entry> entries) => Entries = entries;

    /// <summary>The table's components in file order.</summary>
    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>The area of every component's instances (µm²).</summary>
    public double TotalUm2 => Entries.Sum(e => e.TotalUm2);

    /// <summary>Reads an ART file against <paramref name="arch"/>: every level of the architecture must have a table.</summary>
    public static TimeloopArt Load(string path, Accelerator arch)
    {
        var root = Read(path, "ART", "the ART that Accelergy writes (timeloop-mapper.ART.yaml)");
        var art = Map(root, path, "", "ART") ?? throw new InputException($"{path}: ART: missing (expected an Accelergy area reference table)");
        var tables = List(art, path, "ART", "tables") ?? throw new InputException($"{path}: ART.tables: missing");
        var entries = new List<Entry>();
        for (int i = 0; i < tables.Children.Count; i++)
        {
            string at = $"ART.tables[{i}]";
            if (tables.Children[i] is not YamlMappingNode table) throw new InputException($"{path}: {at}: expected a mapping");
            string fullName = Scalar(table, "name") ?? throw new InputException($"{path}: {at}.name: missing");
            double area = Number(table, path, at, "area") ?? throw new InputException($"{path}: {at}.area: missing");
            if (area < 0 || !double.IsFinite(area)) throw new InputException($"{path}: {at}.area: must be a non-negative number, got {area.ToString(CultureInfo.InvariantCulture)}");
            long instances = 1;
            foreach (Match range in Regex.Matches(fullName, @"\[[^\]]*\]"))
                instances = checked(instances * NameAndCount("x" + range.Value, path, at).Count);
            // Instance ranges hold dots of their own ([1..168]): drop them before taking the last path segment.
            string component = Regex.Replace(fullName, @"\[[^\]]*\]", "").Split('.')[^1].Trim();
            if (entries.Any(e => string.Equals(e.Component, component, StringComparison.OrdinalIgnoreCase)))
                throw new InputException($"{path}: {at}.name: a second table for '{component}'");
            int level = arch.Levels.ToList().FindIndex(l => string.Equals(l.Name, component, StringComparison.OrdinalIgnoreCase));
            // The table must describe this architecture: a level's instances are the product of the fan-outs above it.
            if (level >= 0 && instances != arch.Instances(level))
                throw new InputException($"{path}: {at}.name: '{fullName}' has {instances} instances, level {arch.Levels[level].Name} of '{arch.Name}' has {arch.Instances(level)}");
            entries.Add(new Entry(component, area, instances, level >= 0));
        }
        if (arch.Levels.FirstOrDefault(l => !entries.Any(e => e.IsLevel && string.Equals(e.Component, l.Name, StringComparison.OrdinalIgnoreCase))) is { } missing)
            throw new InputException($"{path}: ART.tables: no table for level '{missing.Name}' of '{arch.Name}'");
        return new TimeloopArt(entries);
    }
}
