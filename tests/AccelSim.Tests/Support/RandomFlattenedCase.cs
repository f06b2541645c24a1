using AccelSim.Mapping;
using AccelSim.Workloads;
using AccelSim.Workloads.Layers;

namespace AccelSim.Tests.Support;

/// <summary>
/// A random tiny layer with one or two flattened groups (<see cref="FlattenGroup"/>), a random three-level accelerator
/// (<see cref="RandomImperfectCase.Arch"/>: multicast, reduction, per-axis networks, MAC lanes) and a random valid mapping
/// whose joint dims take imperfect temporal and spatial factors like any dim (<see cref="RandomImperfectCase.Mapping"/>
/// with the joint bounds), the first group's joint dim put on an array axis half the time so that folds cover partial
/// rows. Half the layers take their output rows and columns from a window padded differently on each side
/// (<see cref="Window.Padded"/>) over a random input.
/// </summary>
public static class RandomFlattenedCase
{
    // Groups the model counts exactly (dims indexing the same tensors), in various member orders, and pairs of them.
    private static readonly Dim[][][] Choices =
    [
        [[Dim.P, Dim.Q]], [[Dim.N, Dim.P, Dim.Q]], [[Dim.N, Dim.P]], [[Dim.Q, Dim.P]], [[Dim.P, Dim.N, Dim.Q]],
        [[Dim.C, Dim.R, Dim.S]], [[Dim.R, Dim.S]], [[Dim.C, Dim.R]], [[Dim.S, Dim.R, Dim.C]], [[Dim.C, Dim.S]],
        [[Dim.P, Dim.Q], [Dim.R, Dim.S]], [[Dim.N, Dim.Q], [Dim.C, Dim.R]], [[Dim.N, Dim.P], [Dim.C, Dim.S]], [[Dim.Q, Dim.P], [Dim.C, Dim.R, Dim.S]],
    ];

    /// <summary>Builds a case from a seed (FsCheck drives the seeds).</summary>
    public static RandomCase FromSeed(int seed)
    {
        var rng = new Random(seed ^ 0xf1a7);
        var problem = rng.Next(2) == 0 ? RandomCase.FromSeed(seed).Problem : PaddedLayer(rng);
        var groups = Choices[rng.Next(Choices.Length)].Select(m => new FlattenGroup(m)).ToArray();
        var bounds = problem.Bounds().Select(b => (long)b).ToArray();
        foreach (var g in groups)
        {
            bounds[(int)g.First] = g.JointBound(problem);
            foreach (var d in g.Members.Skip(1)) bounds[(int)d] = 1;
        }
        var arch = RandomImperfectCase.Arch(rng);
        var mapping = RandomImperfectCase.Mapping(problem, arch, rng, bounds, prefer: groups[0].First);
        return new RandomCase(problem, arch, mapping.WithFlatten(groups));
    }

    // A conv over a random input with a window padded separately on each side (strided half the time).
    private static ProblemShape PaddedLayer(Random rng)
    {
        while (true)
        {
            int kh = rng.Next(1, 4), kw = rng.Next(1, 4), sh = rng.Next(1, 3), sw = rng.Next(1, 3);
            var window = Window.Padded(kh, kw, sh, sw, rng.Next(0, 3), rng.Next(0, 3), rng.Next(0, 3), rng.Next(0, 3));
            int h = rng.Next(1, 6), w = rng.Next(1, 6);
            int p = window.OutputHeight(h), q = window.OutputWidth(w);
            if (p < 1 || q < 1) continue;
            var problem = new ProblemShape(rng.Next(1, 3), 1, rng.Next(1, 4), rng.Next(1, 4), p, q, kh, kw, sh, sw);
            if (problem.Macs <= 1500) return problem;
        }
    }
}
