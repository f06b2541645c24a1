using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Search;
using AccelSim.Workloads;

namespace AccelSim.Tests.Mapping;

/// <summary>
/// The bound of a partly chosen level (<see cref="PartialBound.OfPartialLevel"/>) against every completion, not one: on
/// eyeriss-isca2016 (DRAM, a global buffer fanning out to 16x16 register files), with the spatial unrolling and the register
/// file's tile fixed, every split of what is left between the global buffer (level 1) and DRAM (level 0) is evaluated under
/// every pair of loop orders, and for every prefix of level 1's dims (the walker chooses them in this order) the bound must
/// not exceed the least total energy, nor the cycle bound the least cycles, of the completions sharing that prefix. The
/// random-mapping property (<see cref="LowerBoundTests"/>) compares a bound with one mapping, usually far above it; the
/// least completion is tight, so a bound term that charges a split the level could avoid (DRAM's loops taken at their
/// largest while level 1 can still take part of them) shows here. The cases put an M loop and P or Q loops at DRAM above a
/// register-file input tile with no plane loop over it: the sliding-window conflict. The cases with a smaller global buffer
/// (only the splits whose tiles fit it are completions) make its capacity floor (<see cref="TopBufferFloor"/>) bind; there
/// the bounds of the item (level 1 free, the register file's tile fixed) and of the unrolling are checked against the least
/// completion too, and the floor must raise the item's bound.
/// </summary>
public class PartialLevelBoundTests
{
    public static TheoryData<string, int[], int[], int[], int> Cases() => new()
    {
        // layer (N G M C P Q R S), level 1's X and Y factors, the register file's tile, the global buffer's words (0: shipped)
        { "1 1 8 4 4 4 1 1", [1, 1, 2, 1, 1, 1, 1, 1], [1, 1, 1, 2, 1, 1, 1, 1], [1, 1, 1, 2, 1, 1, 1, 1], 0 },
        { "1 1 8 8 4 2 1 1", [1, 1, 1, 1, 2, 1, 1, 1], [1, 1, 1, 4, 1, 1, 1, 1], [1, 1, 2, 1, 1, 1, 1, 1], 0 },
        { "1 1 4 2 4 4 3 3", [1, 1, 2, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 3, 1], [1, 1, 1, 1, 1, 1, 1, 3], 0 },
        { "1 1 4 4 6 4 3 3", [1, 1, 1, 1, 1, 2, 1, 1], [1, 1, 1, 1, 1, 1, 3, 1], [1, 1, 1, 2, 1, 1, 1, 3], 0 },
        { "1 1 8 8 4 4 1 1", [1, 1, 2, 1, 1, 1, 1, 1], [1, 1, 1, 2, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1], 48 },
        { "1 1 16 8 4 4 1 1", [1, 1, 1, 1, 1, 2, 1, 1], [1, 1, 4, 1, 1, 1, 1, 1], [1, 1, 1, 2, 1, 1, 1, 1], 160 },
        { "1 1 8 4 6 4 3 3", [1, 1, 1, 1, 1, 2, 1, 1], [1, 1, 1, 1, 1, 1, 3, 1], [1, 1, 1, 2, 1, 1, 1, 3], 240 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThePartlyChosenLevelsBoundIsAtMostItsLeastCompletion(string layer, int[] x1, int[] y1, int[] innermost, int bufferWords)
    {
        var n = layer.Split(' ').Select(int.Parse).ToArray();
        var problem = new ProblemShape(n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
        var arch = WithBuffer(ArchitectureLibrary.Load("eyeriss-isca2016"), bufferWords);
        var ones = LevelMapping.Ones();
        int[][] x = [ones, x1, ones], y = [ones, y1, ones];
        var keeps = arch.Levels.Select(l => l.Storage.Keeps).ToArray();
        var bounds = problem.Bounds();
        var left = Enumerable.Range(0, Dims.Count).Select(d => bounds[d] / (x1[d] * y1[d] * innermost[d])).ToArray();
        var capacity = LevelCapacity.Of(arch, keeps)[1];
        var tilings = Splits(left).Where(t => capacity.Holds(problem, Enumerable.Range(0, Dims.Count)
            .Select(d => (long)t[d] * x1[d] * y1[d] * innermost[d]).ToArray())).ToList();
        var least = tilings.Select(t => LeastOverOrders(problem, arch, Divide(left, t), t, innermost, x, y, keeps)).ToArray();
        var bound = new PartialBound(problem, arch) { TopFloor = TopBufferFloor.For(problem, arch, keeps, CountingRules.AccelSim) };
        var failures = new List<string>();
        double tightest = 0; // the largest ratio of a partial bound to its least completion
        for (int i = 0; i < tilings.Count; i++)
        {
            var t = tilings[i];
            double complete = bound.Of(0, [Divide(left, t), t, innermost], x, y, keeps, out long completeCycles);
            if (complete > least[i].Energy * (1 + Incumbent.RoundingMargin) || completeCycles > least[i].Cycles)
                failures.Add($"level 1 [{string.Join(",", t)}] complete: bound {complete} ({completeCycles} cycles) > {least[i]}");
            for (int chosen = 0; chosen < Dims.Count; chosen++)
            {
                var partial = t.Select((f, d) => d <= chosen ? f : 1).ToArray();
                var high = t.Select((f, d) => d <= chosen ? f : left[d]).ToArray();
                var completions = Enumerable.Range(0, tilings.Count).Where(j => Enumerable.Range(0, chosen + 1).All(d => tilings[j][d] == t[d])).ToList();
                if (completions.Count == 0) continue; // every completion overflows the buffer: the walker never gets here
                double energy = completions.Min(j => least[j].Energy);
                long cycles = completions.Min(j => least[j].Cycles);
                double partialBound = bound.OfPartialLevel(1, high, [LevelMapping.Ones(), partial, innermost], x, y, keeps, out long partialCycles);
                tightest = Math.Max(tightest, partialBound / energy);
                if (partialBound > energy * (1 + Incumbent.RoundingMargin) || partialCycles > cycles)
                    failures.Add($"level 1 [{string.Join(",", partial)}] up to {(Dim)chosen}, high [{string.Join(",", high)}]: bound {partialBound} ({partialCycles} cycles) > least {energy} ({cycles} cycles)");
            }
        }
        // The item (the register file's tile fixed, level 1 free) and the unrolling (every temporal level free).
        double leastOfAll = least.Min(l => l.Energy);
        long fewestCycles = least.Min(l => l.Cycles);
        var itemTemporal = new[] { LevelMapping.Ones(), LevelMapping.Ones(), innermost };
        for (int fixedFrom = 2; fixedFrom <= 3; fixedFrom++)
        {
            double free = bound.Of(fixedFrom, itemTemporal, x, y, keeps, out long freeCycles);
            if (free > leastOfAll * (1 + Incumbent.RoundingMargin) || freeCycles > fewestCycles)
                failures.Add($"fixing from {fixedFrom}: bound {free} ({freeCycles} cycles) > least {leastOfAll} ({fewestCycles} cycles)");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} bounds above their least completion, first: {failures.FirstOrDefault()}");
        Assert.True(tilings.Count > 20, "the case must give level 1 a choice");
        if (bufferWords > 0)
        {
            // The floor binds: the item's bound with it is above the bound without it.
            double without = new PartialBound(problem, arch).Of(2, itemTemporal, x, y, keeps, out _);
            Assert.True(bound.Of(2, itemTemporal, x, y, keeps, out _) > without, "the buffer's capacity floor must raise the item's bound");
        }
        // Not a vacuous comparison: some partial bound comes within 10 % of its least completion (0.985 to 1 on these cases).
        Assert.True(tightest > 0.9, $"no partial bound within 10 % of its least completion (at most {tightest:P1})");
    }

    // The architecture with a global buffer of `words` words (0: as shipped).
    private static Accelerator WithBuffer(Accelerator arch, int words)
    {
        if (words == 0) return arch;
        var levels = arch.Levels.ToList();
        levels[1] = levels[1] with { Storage = levels[1].Storage with { CapacityWords = words } };
        return arch with { Levels = levels };
    }

    // Every level-1 tiling: per dim a divisor of what is left (DRAM takes the rest).
    private static List<int[]> Splits(int[] left)
    {
        var all = new List<int[]> { new int[Dims.Count] };
        for (int d = 0; d < Dims.Count; d++)
            all = all.SelectMany(prefix => Divisors.Of(left[d]).Select(f => { var next = (int[])prefix.Clone(); next[d] = f; return next; })).ToList();
        return all;
    }

    private static int[] Divide(int[] left, int[] level1) => left.Select((l, d) => l / level1[d]).ToArray();

    // The least total energy (background over the cycles included) and the least cycles over every pair of orders of levels 0
    // and 1 (every permutation of the dims each loops over; the register file's order changes no count).
    private static (double Energy, long Cycles) LeastOverOrders(ProblemShape problem, Accelerator arch, int[] level0, int[] level1,
        int[] innermost, int[][] x, int[][] y, TensorSet[] keeps)
    {
        double energy = double.PositiveInfinity;
        long cycles = long.MaxValue;
        foreach (var order0 in Orders(level0))
            foreach (var order1 in Orders(level1))
            {
                var mapping = new LoopMapping([
                    new LevelMapping(level0, order0, x[0], y[0], keeps[0]),
                    new LevelMapping(level1, order1, x[1], y[1], keeps[1]),
                    new LevelMapping(innermost, LoopOrders.Canonical, x[2], y[2], keeps[2])]);
                var evaluation = AnalyticalModel.Evaluate(problem, arch, mapping);
                energy = Math.Min(energy, Objectives.TotalEnergy(evaluation.TotalEnergy, evaluation.Cycles, arch.BackgroundEnergyPerCycle));
                cycles = Math.Min(cycles, evaluation.Cycles);
            }
        return (energy, cycles);
    }

    // Every order of the dims a level loops over (outermost first), the unit dims after them.
    private static IEnumerable<Dim[]> Orders(int[] factors)
    {
        var looped = LoopOrders.Canonical.Where(d => factors[(int)d] > 1).ToList();
        var rest = LoopOrders.Canonical.Where(d => factors[(int)d] == 1).ToArray();
        return Permutations(looped).Select(p => p.Concat(rest).ToArray());
    }

    private static IEnumerable<List<Dim>> Permutations(List<Dim> dims) => dims.Count <= 1
        ? [dims]
        : dims.SelectMany(first => Permutations(dims.Where(d => d != first).ToList()).Select(tail => tail.Prepend(first).ToList()));
}
