namespace AccelSim.Architecture;

/// <summary>
/// The roles of an accelerator's levels. The PE levels are the level marked <c>role: pe</c> and every level below it;
/// without a mark, the levels below the outermost fan-out with more than one child. The PE array is the nearest fan-out
/// above the first PE level; fan-outs at or below the first PE level are MAC lanes. Everything between DRAM and the PE
/// levels is a shared buffer.
/// </summary>
public sealed class LevelRoles
{
    private readonly LevelRole[] _roles;

    private LevelRoles(LevelRole[] roles, int firstPe, int array)
    {
        _roles = roles;
        FirstPeLevel = firstPe;
        ArrayLevel = array;
    }

    /// <summary>Index of the first PE level, or -1 when the architecture has none.</summary>
    public int FirstPeLevel { get; }

    /// <summary>Index of the level whose fan-out is the PE array, or -1.</summary>
    public int ArrayLevel { get; }

    /// <summary>The role of level <paramref name="level"/>.</summary>
    public LevelRole this[int level] => _roles[level];

    /// <summary>True when the fan-out below <paramref name="level"/> is MAC lanes inside a PE.</summary>
    public bool IsLanes(int level) => FirstPeLevel >= 0 && level >= FirstPeLevel;

    /// <summary>Derives the roles of <paramref name="arch"/>'s levels.</summary>
    public static LevelRoles Of(Accelerator arch)
    {
        int count = arch.Levels.Count;
        int firstPe = -1;
        for (int i = 1; i < count && firstPe < 0; i++)
            if (arch.Levels[i].Role == LevelRole.Pe) firstPe = i;
        if (firstPe < 0)
            for (int i = 0; i + 1 < count && firstPe < 0; i++)
                if (arch.Levels[i].Fanout is { Size: > 1 }) firstPe = i + 1;
        int array = -1;
        for (int i = firstPe - 1; i >= 0 && array < 0; i--)
            if (arch.Levels[i].Fanout is { Size: > 1 }) array = i;
        var roles = new LevelRole[count];
        for (int i = 1; i < count; i++) roles[i] = firstPe > 0 && i >= firstPe ? LevelRole.Pe : LevelRole.Buffer;
        return new LevelRoles(roles, firstPe, array);
    }
}
