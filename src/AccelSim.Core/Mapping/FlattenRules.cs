using AccelSim.Architecture;
using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// What a mapping's flattened axes must satisfy (docs/model.md, "Flattened axes"): every group has at least two distinct
/// dims, no dim is in two groups, a group's dims index the same tensors (so within N, P, Q or within C, R, S: for every
/// tensor the joint dim either indexes it through all its members or not at all, which is what the model counts
/// exactly), and the members after the first have factor 1 at every level (their loops are the joint dim's).
/// </summary>
public static class FlattenRules
{
    /// <summary>Problems of the groups alone (no factors), as one-line messages.</summary>
    public static IEnumerable<string> GroupProblems(IReadOnlyList<FlattenGroup> groups)
    {
        var owner = new Dictionary<Dim, FlattenGroup>();
        foreach (var g in groups)
        {
            if (g.Members.Count < 2) yield return $"flatten group {g.Name}: needs at least two dims";
            foreach (var d in g.Members.GroupBy(d => d).Where(x => x.Count() > 1)) yield return $"flatten group {g.Name}: dim {d.Key} is listed twice";
            foreach (var d in g.Members.Distinct())
                if (!owner.TryAdd(d, g) && !ReferenceEquals(owner[d], g)) yield return $"flatten groups {owner[d].Name} and {g.Name} share dim {d} (a dim is in one group at most)";
            if (SameTensors(g) is { } mismatch) yield return $"flatten group {g.Name}: {mismatch}";
        }
    }

    /// <summary>Every problem of the mapping's groups, its factors included; <paramref name="arch"/> names the levels.</summary>
    public static IEnumerable<string> Problems(LoopMapping mapping, Accelerator arch)
    {
        foreach (var p in GroupProblems(mapping.Flatten)) yield return p;
        foreach (var g in mapping.Flatten)
            foreach (var d in g.Members.Skip(1))
                for (int i = 0; i < mapping.Levels.Count; i++)
                {
                    var level = mapping.Levels[i];
                    foreach (var (kind, f) in new[] { ("temporal", level.TemporalOf(d)), ("spatial x", level.SpatialX[(int)d]), ("spatial y", level.SpatialY[(int)d]) })
                        if (f != 1)
                            yield return $"flatten group {g.Name}: dim {d} has {kind} factor {f} at level '{LevelName(arch, i)}'; the group's factors are {g.Name}'s (kept on its first dim {g.First})";
                }
    }

    private static string LevelName(Accelerator arch, int i) => i < arch.Levels.Count ? arch.Levels[i].Name : i.ToString();

    // Null when every member indexes the same tensors, else what differs.
    private static string? SameTensors(FlattenGroup g)
    {
        static string Indexed(Dim d) => string.Join(", ", Tensors.All.Where(t => Tensors.IsRelevant(t, d)).Select(Tensors.Key));
        var first = g.Members[0];
        var other = g.Members.FirstOrDefault(d => Indexed(d) != Indexed(first));
        if (g.Members.All(d => Indexed(d) == Indexed(first))) return null;
        return $"its dims must index the same tensors ({first} indexes {Indexed(first)}, {other} {Indexed(other)}); flatten dims within N, P, Q or within C, R, S";
    }
}
