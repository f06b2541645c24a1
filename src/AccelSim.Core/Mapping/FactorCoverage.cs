using AccelSim.Workloads;

namespace AccelSim.Mapping;

/// <summary>
/// The coverage rule of imperfect factorization (docs/model.md): the factors of a dim, innermost first (per level X,
/// then Y, then the temporal loop), multiply to at least the bound, and no loop has an iteration that can never hold
/// work: (factor − 1) × (product of the dim's factors inside it) &lt; bound. So each factor is at most
/// ⌈bound ÷ inner product⌉, "what is left" of the bound, and the last iteration of every loop reaches into the bound.
/// </summary>
public static class FactorCoverage
{
    /// <summary>One loop of a dim: the level, its kind ("temporal", "spatial x", "spatial y"), factor and the product inside it.</summary>
    public readonly record struct Digit(int Level, string Kind, int Factor, long Inner);

    /// <summary>The dim's loops with factor &gt; 1, innermost first.</summary>
    public static IReadOnlyList<Digit> InnermostFirst(LoopMapping mapping, Dim dim)
    {
        var digits = new List<Digit>();
        long inner = 1;
        for (int i = mapping.Levels.Count - 1; i >= 0; i--)
        {
            var level = mapping.Levels[i];
            foreach (var (kind, f) in new[] { ("spatial x", level.SpatialX[(int)dim]), ("spatial y", level.SpatialY[(int)dim]), ("temporal", level.TemporalOf(dim)) })
            {
                if (f <= 1) continue;
                digits.Add(new Digit(i, kind, f, inner));
                inner = checked(inner * f);
            }
        }
        return digits;
    }

    /// <summary>The largest factor a loop may have with <paramref name="inner"/> inside it: ⌈bound ÷ inner⌉.</summary>
    public static long MaxFactor(long bound, long inner) => (bound + inner - 1) / inner;

    /// <summary>
    /// True when the factors of every dim multiply to exactly its bound (every factor divides what is left; a flattened
    /// group's joint dim counts with its joint bound, <see cref="LoopMapping.BoundOf"/>).
    /// </summary>
    public static bool IsPerfect(ProblemShape problem, LoopMapping mapping) => Dims.All.All(d => mapping.Product(d) == mapping.BoundOf(problem, d));
}
