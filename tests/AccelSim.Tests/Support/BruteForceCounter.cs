using AccelSim.Architecture;
using AccelSim.Mapping;
using AccelSim.Model;
using AccelSim.Workloads;

namespace AccelSim.Tests.Support;

/// <summary>
/// An independent reference for the analytical model: walks the whole nest step by step, materializes every tile of every
/// instance as a set of words (from the MAC points it covers, inputs as the bounding rows/columns of their window), and counts
/// fills as words not already resident, parent reads as distinct tiles among multicast siblings, output write-backs and
/// reloads from explicit touched-word sets. With imperfect factors, MAC points past a bound do not exist: a tile holds
/// only the real points' words, an instance without any holds nothing (idle), and a step whose first instance has none is
/// skipped. A multicast read serves every word that some child taking that tile lacks. Exponential, for tiny layers only.
/// Flattened axes: a group's loops index its joint dim (on its first member, bound Π of the members'); each MAC point's
/// flat index is split back into member coordinates, and an input tile is the union over the tile's flat range's boxes
/// (its own decomposition into aligned runs, below) of each box's bounding rows and columns.
/// </summary>
public sealed class BruteForceCounter
{
    private readonly ProblemShape _p;
    private readonly Accelerator _arch;
    private readonly LoopMapping _m;
    private readonly int _levels;
    private readonly List<(int Level, Dim Dim, int Bound)> _temporal = [];
    // Spatial loops per level: (dim, bound, isY); children of a level are indexed by the product of its spatial loops.
    private readonly List<(Dim Dim, int Bound, bool Y)>[] _spatial;
    private readonly long[] _bound; // per dim; a flattened group's first member: the joint bound, its other members 1

    public BruteForceCounter(ProblemShape problem, Accelerator arch, LoopMapping mapping)
    {
        _p = problem; _arch = arch; _m = mapping; _levels = arch.Levels.Count;
        _spatial = new List<(Dim, int, bool)>[_levels];
        _bound = problem.Bounds().Select(b => (long)b).ToArray();
        foreach (var g in mapping.Flatten)
        {
            _bound[(int)g.Members[0]] = g.Members.Aggregate(1L, (a, d) => a * problem[d]);
            foreach (var d in g.Members.Skip(1)) _bound[(int)d] = 1;
        }
        for (int i = 0; i < _levels; i++)
        {
            foreach (var d in mapping.Levels[i].Order)
                if (mapping.Levels[i].TemporalOf(d) > 1) _temporal.Add((i, d, mapping.Levels[i].TemporalOf(d)));
            _spatial[i] = [];
            // Y outer, X inner (the analytical model's convention for steps).
            foreach (var d in Dims.All) if (mapping.Levels[i].SpatialY[(int)d] > 1) _spatial[i].Add((d, mapping.Levels[i].SpatialY[(int)d], true));
            foreach (var d in Dims.All) if (mapping.Levels[i].SpatialX[(int)d] > 1) _spatial[i].Add((d, mapping.Levels[i].SpatialX[(int)d], false));
        }
    }

    // A loop of the full nest for index arithmetic: its dim, bound and its position in the flattened nest.
    private sealed record NestLoop(Dim Dim, int Bound, int Level, bool Spatial, bool Y);

    private List<NestLoop> FullNest()
    {
        var nest = new List<NestLoop>();
        for (int i = 0; i < _levels; i++)
        {
            foreach (var t in _temporal.Where(t => t.Level == i)) nest.Add(new NestLoop(t.Dim, t.Bound, i, false, false));
            foreach (var s in _spatial[i]) nest.Add(new NestLoop(s.Dim, s.Bound, i, true, s.Y));
        }
        return nest;
    }

    /// <summary>Runs the walk and returns the counts.</summary>
    public AccessCounts Run()
    {
        var nest = FullNest();
        // Per loop: multiplier of its index in its dim's coordinate (product of bounds of same-dim loops inside it).
        var mult = new long[nest.Count];
        var inner = new long[Dims.Count];
        Array.Fill(inner, 1);
        for (int l = nest.Count - 1; l >= 0; l--) { mult[l] = inner[(int)nest[l].Dim]; inner[(int)nest[l].Dim] *= nest[l].Bound; }

        var counts = new AccessCounts(_levels) { Macs = _p.Macs };
        var temporalIdx = nest.Select((n, i) => (n, i)).Where(x => !x.n.Spatial).Select(x => x.i).ToArray();
        var spatialIdx = nest.Select((n, i) => (n, i)).Where(x => x.n.Spatial).Select(x => x.i).ToArray();
        // Resident word sets: [tensor][level][instance key]
        var resident = new Dictionary<(int T, int Level, string Inst), HashSet<long>>();
        var everResident = new Dictionary<int, HashSet<long>>();
        var values = new int[nest.Count];
        long steps = temporalIdx.Aggregate(1L, (a, i) => a * nest[i].Bound);
        int[]? previous = null;

        for (long step = 0; step < steps; step++)
        {
            // Decode the step into temporal indices (lexicographic, outermost first).
            long rest = step;
            for (int k = temporalIdx.Length - 1; k >= 0; k--) { int l = temporalIdx[k]; values[l] = (int)(rest % nest[l].Bound); rest /= nest[l].Bound; }
            var current = temporalIdx.Select(l => values[l]).ToArray();
            // Imperfect factors: a step whose first instance (spatial indices 0) lies past a bound does no work; the
            // nest skips it (its loops run fewer iterations there).
            if (PastABound(nest, mult, temporalIdx, values)) continue;

            foreach (var tensor in Tensors.All)
            {
                int parent = 0;
                for (int child = 1; child <= _levels; child++)
                {
                    if (child < _levels && !_m.Levels[child].Keeps.Has(tensor)) continue;
                    bool changed = previous is null || child == _levels
                        || temporalIdx.Where((l, k) => nest[l].Level < child && previous[k] != current[k]).Any();
                    if (changed) Transition(counts, nest, mult, spatialIdx, values, tensor, parent, child, resident, everResident);
                    parent = child;
                }
            }
            previous = current;
        }
        // Final drain of resident output tiles (the MAC has no residency).
        var finalDrains = new HashSet<string>();
        foreach (var ((t, level, inst), words) in resident.ToList())
            if (t == (int)TensorKind.Outputs && words.Count > 0)
                Drain(counts, nest, spatialIdx, level, inst, words, finalDrains);
        return counts;
    }

    private bool PastABound(List<NestLoop> nest, long[] mult, int[] temporalIdx, int[] values)
    {
        var origin = new long[Dims.Count];
        foreach (var l in temporalIdx) origin[(int)nest[l].Dim] += values[l] * mult[l];
        return Dims.All.Any(d => origin[(int)d] >= _bound[(int)d]);
    }

    // Drains of one transition: `seen` holds (parent instance, tile) pairs already sent up, so reduced siblings update once.
    private void Drain(AccessCounts counts, List<NestLoop> nest, int[] spatialIdx, int child, string inst, HashSet<long> words, HashSet<string> seen)
    {
        // Child reads its whole tile to send it up; the parent is updated once per distinct tile among siblings.
        counts.At(child, TensorKind.Outputs).Reads += words.Count;
        int parent = ParentOf(TensorKind.Outputs, child);
        string parentInst = InstanceKey(inst, nest, spatialIdx, parent);
        string tileKey = string.Join(",", words.OrderBy(w => w));
        if (seen.Add(child + "|" + parentInst + "|" + tileKey)) counts.At(parent, TensorKind.Outputs).Updates += words.Count;
        int net = NearestFanout(parent, child);
        if (net >= 0) counts.NetworkWords(net, TensorKind.Outputs) += words.Count;
    }

    // A spatial loop whose children may be served by one read when they need the same words: its axis multicasts or
    // forwards the tensor, and for a sliding input dim the network also multicasts diagonally (else only children that
    // differ in dims irrelevant to inputs share).
    private bool Shared(NestLoop loop, TensorKind tensor)
    {
        var network = _arch.Levels[loop.Level].Fanout?.Network;
        if (network is null || !(loop.Y ? network.Y : network.X).Shares(tensor)) return false;
        // A flattened group's joint dim holds a sliding dim too (every group the model takes indexes inputs through one).
        bool sliding = loop.Dim is Dim.P or Dim.R or Dim.Q or Dim.S || _m.Flatten.Any(g => g.Members[0] == loop.Dim);
        return network.DiagonalMulticast || tensor != TensorKind.Inputs || !sliding;
    }

    private int ParentOf(TensorKind tensor, int child)
    {
        for (int k = child - 1; k > 0; k--) if (_m.Levels[k].Keeps.Has(tensor)) return k;
        return 0;
    }

    private int NearestFanout(int parent, int child)
    {
        for (int k = child - 1; k >= parent; k--) if (_arch.Levels[k].Fanout is not null) return k;
        return -1;
    }

    // Instance key of a level: the spatial indices of all fan-outs above it, truncated to those above `upTo`.
    private static string InstanceKey(string fullInst, List<NestLoop> nest, int[] spatialIdx, int upTo)
    {
        var parts = fullInst.Length == 0 ? [] : fullInst.Split('.');
        var kept = new List<string>();
        int k = 0;
        foreach (var l in spatialIdx)
        {
            if (k >= parts.Length) break;
            if (nest[l].Level < upTo) kept.Add(parts[k]);
            k++;
        }
        return string.Join(".", kept);
    }

    private void Transition(AccessCounts counts, List<NestLoop> nest, long[] mult, int[] spatialIdx, int[] values,
        TensorKind tensor, int parent, int child, Dictionary<(int, int, string), HashSet<long>> resident, Dictionary<int, HashSet<long>> everResident)
    {
        // Enumerate every instance of the child (all spatial loops of levels < child).
        var childSpatial = spatialIdx.Where(l => nest[l].Level < child).ToArray();
        long instances = childSpatial.Aggregate(1L, (a, l) => a * nest[l].Bound);
        // Siblings share a parent instance (spatial loops of levels < parent) and, for non-multicast fan-outs, are apart anyway.
        // group -> tile key -> words some child holding that tile lacks (one multicast read serves them all)
        var groups = new Dictionary<string, Dictionary<string, HashSet<long>>>();
        var kept = new HashSet<string>(); // parent key | tile key of output tiles a sibling keeps across this step
        var outputGroups = new Dictionary<string, Dictionary<string, (long Words, long Reload)>>();
        var ever = everResident.TryGetValue(child, out var e) ? e : everResident[child] = [];
        var newlyResident = new List<long>();
        var drains = new HashSet<string>();
        for (long inst = 0; inst < instances; inst++)
        {
            long rest = inst;
            for (int k = childSpatial.Length - 1; k >= 0; k--) { int l = childSpatial[k]; values[l] = (int)(rest % nest[l].Bound); rest /= nest[l].Bound; }
            string instKey = string.Join(".", childSpatial.Select(l => values[l]));
            var tile = TileWords(nest, mult, values, tensor, child);
            string parentKey = string.Join(".", childSpatial.Where(l => nest[l].Level < parent).Select(l => values[l]));
            // Axes between parent and child that cannot share the tensor keep their children apart.
            string unicastKey = string.Join(".", childSpatial.Where(l => nest[l].Level >= parent && !Shared(nest[l], tensor)).Select(l => values[l]));
            string tileKey = string.Join(",", tile.OrderBy(w => w));
            int net = NearestFanout(parent, child);

            if (tensor != TensorKind.Outputs)
            {
                HashSet<long> missing;
                if (child == _levels) missing = tile; // the MAC reads its operand every step
                else
                {
                    var key = ((int)tensor, child, instKey);
                    var old = resident.TryGetValue(key, out var o) ? o : [];
                    missing = tile.Where(w => !old.Contains(w)).ToHashSet();
                    resident[key] = tile;
                    counts.At(child, tensor).Fills += missing.Count;
                }
                if (net >= 0) counts.NetworkWords(net, tensor) += missing.Count;
                var g = groups.TryGetValue(parentKey + "|" + unicastKey, out var gg) ? gg : groups[parentKey + "|" + unicastKey] = [];
                if (g.TryGetValue(tileKey, out var union)) union.UnionWith(missing);
                else g[tileKey] = missing;
                continue;
            }

            // Outputs: drain the old tile, reload the new one if it was resident here before.
            if (child < _levels)
            {
                var key = ((int)tensor, child, instKey);
                if (resident.TryGetValue(key, out var old))
                {
                    if (old.SetEquals(tile))
                    {
                        // Only loops irrelevant to outputs moved: the tile stays, and a sibling that takes the same tile
                        // now (it was idle) starts from zero instead of reloading it.
                        kept.Add(parentKey + "|" + tileKey);
                        continue;
                    }
                    Drain(counts, nest, spatialIdx, child, instKey, old, drains);
                }
                resident[key] = tile;
            }
            else
            {
                if (net >= 0) counts.NetworkWords(net, TensorKind.Outputs) += tile.Count;
            }
            long reload = tile.Count(w => ever.Contains(w));
            newlyResident.AddRange(tile);
            var og = outputGroups.TryGetValue(parentKey, out var ogg) ? ogg : outputGroups[parentKey] = [];
            og[tileKey] = (tile.Count, reload);
        }
        foreach (var g in groups.Values)
            counts.At(parent, tensor).Reads += g.Values.Sum(u => (long)u.Count);
        foreach (var (parentKey, og) in outputGroups)
            foreach (var (tileKey, (words, reloadWords)) in og)
            {
                long reload = kept.Contains(parentKey + "|" + tileKey) ? 0 : reloadWords;
                counts.At(parent, TensorKind.Outputs).Reads += reload;
                if (child < _levels) counts.At(child, TensorKind.Outputs).Fills += reload;
                else counts.At(parent, TensorKind.Outputs).Updates += words;
                int net = NearestFanout(parent, child);
                if (net >= 0) counts.NetworkWords(net, TensorKind.Outputs) += reload;
            }
        foreach (var w in newlyResident) ever.Add(w);
    }

    // The words of a tensor that one instance of a level holds at the current outer indices: every MAC point inside.
    private HashSet<long> TileWords(List<NestLoop> nest, long[] mult, int[] values, TensorKind tensor, int level)
    {
        var insideLoops = Enumerable.Range(0, nest.Count).Where(l => nest[l].Level >= level).ToArray();
        var outside = new long[Dims.Count];
        for (int l = 0; l < nest.Count; l++) if (nest[l].Level < level) outside[(int)nest[l].Dim] += values[l] * mult[l];
        var idx = new long[Dims.Count];
        long points = insideLoops.Aggregate(1L, (a, l) => a * nest[l].Bound);
        var words = new HashSet<long>();
        long minH = long.MaxValue, maxH = long.MinValue, minW = long.MaxValue, maxW = long.MinValue;
        var ngc = new HashSet<(long, long, long)>();
        // Flattened inputs: per box of the tile's flat ranges, its (n, g, c) and bounding rows and columns.
        var boxes = new Dictionary<string, (HashSet<(long, long, long)> Ngc, long MinH, long MaxH, long MinW, long MaxW)>();
        var flatLo = new long[_m.Flatten.Count]; var flatHi = new long[_m.Flatten.Count];
        Array.Fill(flatLo, long.MaxValue); Array.Fill(flatHi, long.MinValue);
        var seenPoints = new List<long[]>();
        for (long pt = 0; pt < points; pt++)
        {
            Array.Copy(outside, idx, Dims.Count);
            long rest = pt;
            for (int k = insideLoops.Length - 1; k >= 0; k--)
            {
                int l = insideLoops[k];
                idx[(int)nest[l].Dim] += rest % nest[l].Bound * mult[l];
                rest /= nest[l].Bound;
            }
            if (Dims.All.Any(d => idx[(int)d] >= _bound[(int)d])) continue; // past a bound (imperfect factors): no such MAC
            if (_m.IsFlattened)
            {
                for (int k = 0; k < _m.Flatten.Count; k++)
                {
                    long flat = idx[(int)_m.Flatten[k].Members[0]];
                    flatLo[k] = Math.Min(flatLo[k], flat); flatHi[k] = Math.Max(flatHi[k], flat);
                    // Split the flat index into member coordinates (the last member varies fastest).
                    foreach (var d in _m.Flatten[k].Members.Reverse()) { idx[(int)d] = flat % _p[d]; flat /= _p[d]; }
                }
                if (tensor == TensorKind.Inputs) { seenPoints.Add((long[])idx.Clone()); continue; }
            }
            long n = idx[0], g = idx[1], m = idx[2], c = idx[3], p = idx[4], q = idx[5], r = idx[6], s = idx[7];
            switch (tensor)
            {
                case TensorKind.Weights: words.Add(Linear([g, m, c, r, s], [_p.G, _p.M, _p.C, _p.R, _p.S])); break;
                case TensorKind.Outputs: words.Add(Linear([n, g, m, p, q], [_p.N, _p.G, _p.M, _p.P, _p.Q])); break;
                default:
                    long h = p * _p.StrideH + r * _p.DilationH, w = q * _p.StrideW + s * _p.DilationW;
                    minH = Math.Min(minH, h); maxH = Math.Max(maxH, h); minW = Math.Min(minW, w); maxW = Math.Max(maxW, w);
                    ngc.Add((n, g, c));
                    break;
            }
        }
        if (tensor == TensorKind.Inputs && _m.IsFlattened)
        {
            foreach (var point in seenPoints)
            {
                // The point's box: per group, which aligned run of the tile's flat range holds its flat index.
                string key = string.Join("|", _m.Flatten.Select((g, k) => Run(g, flatLo[k], flatHi[k] + 1, Flat(g, point))));
                long h = point[4] * _p.StrideH + point[6] * _p.DilationH, w = point[5] * _p.StrideW + point[7] * _p.DilationW;
                var b = boxes.TryGetValue(key, out var bb) ? bb : ([], long.MaxValue, long.MinValue, long.MaxValue, long.MinValue);
                b.Ngc.Add((point[0], point[1], point[3]));
                boxes[key] = (b.Ngc, Math.Min(b.MinH, h), Math.Max(b.MaxH, h), Math.Min(b.MinW, w), Math.Max(b.MaxW, w));
            }
            foreach (var (set, minH0, maxH0, minW0, maxW0) in boxes.Values)
                foreach (var (n, g, c) in set)
                    for (long h = minH0; h <= maxH0; h++)
                        for (long w = minW0; w <= maxW0; w++)
                            words.Add(Linear([n, g, c, h, w], [_p.N, _p.G, _p.C, _p.InputHeight, _p.InputWidth]));
            return words;
        }
        if (tensor == TensorKind.Inputs)
            foreach (var (n, g, c) in ngc)
                for (long h = minH; h <= maxH; h++)
                    for (long w = minW; w <= maxW; w++)
                        words.Add(Linear([n, g, c, h, w], [_p.N, _p.G, _p.C, _p.InputHeight, _p.InputWidth]));
        return words;
    }

    private long Flat(FlattenGroup g, long[] point) => g.Members.Aggregate(0L, (a, d) => a * _p[d] + point[(int)d]);

    // Which run of [a, b) holds flat index j, the runs being the range's aligned pieces: going up, from a to the next
    // multiple of each block size (1, the last member's bound, the last two's product, ...), then down, whole blocks of
    // each size while they fit before b. Each run is a box of member coordinates.
    private int Run(FlattenGroup g, long a, long b, long j)
    {
        var blocks = new List<long> { 1 };
        foreach (var d in g.Members.Reverse()) blocks.Add(blocks[^1] * _p[d]);
        long x = a;
        int run = 0;
        for (int m = 0; m + 1 < blocks.Count; m++)
        {
            if (x % blocks[m + 1] == 0) continue;
            long y = Math.Min((x / blocks[m + 1] + 1) * blocks[m + 1], b / blocks[m] * blocks[m]);
            if (y <= x) continue;
            if (j < y) return run;
            run++; x = y;
        }
        for (int m = blocks.Count - 1; m >= 0; m--)
        {
            long y = b / blocks[m] * blocks[m];
            if (y <= x) continue;
            if (j < y) return run;
            run++; x = y;
        }
        return run;
    }

    private static long Linear(long[] index, long[] size)
    {
        long v = 0;
        for (int i = 0; i < index.Length; i++) v = v * size[i] + index[i];
        return v;
    }
}
