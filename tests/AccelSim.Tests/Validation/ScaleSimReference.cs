using System.Globalization;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Tests.Support;
using AccelSim.Workloads;
using AccelSim.Workloads.ScaleSim;

namespace AccelSim.Tests.Validation;

/// <summary>
/// SCALE-Sim v2's side of the replays: its topologies (workloads/scalesim/, copied from scale-sim-v2 commit 22f88b1), its
/// totals per layer as scripts/scalesim_expected_cycles.py computes them from its source (checked in as
/// ScaleSimReference/expected-cycles.csv and recomputed here from the same formulas), and its array as AccelSim sees it.
/// </summary>
public static class ScaleSimReference
{
    /// <summary>The three conv_nets topologies of the replays.</summary>
    public static readonly string[] Networks = ["alexnet", "Resnet18", "mobilenet"];

    /// <summary>One row of expected-cycles.csv: a layer on one array with one dataflow.</summary>
    public sealed record Case(string Network, string Layer, string Dataflow, int Rows, int Columns, int P, int Q, long Folds, long ScaleSimTotal)
    {
        public override string ToString() => $"{Network} {Layer} {Dataflow} {Rows}x{Columns}";
    }

    /// <summary>The 159 rows: 53 layers × (32x32 OS, 32x32 WS, 256x256 WS).</summary>
    public static IReadOnlyList<Case> Expected() => ExpectedRows.Value;

    private static readonly Lazy<IReadOnlyList<Case>> ExpectedRows = new(() =>
    {
        var lines = File.ReadAllLines(Path.Combine(Folder("tests/AccelSim.Tests/Validation/ScaleSimReference"), "expected-cycles.csv"));
        Assert.Equal("network,layer,dataflow,array,P,Q,folds,scalesim_total_cycles,accelsim_expected", lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var c = l.Split(',');
            var size = c[3].Split('x');
            long total = long.Parse(c[7], CultureInfo.InvariantCulture);
            Assert.Equal(total + 1, long.Parse(c[8], CultureInfo.InvariantCulture));
            return new Case(c[0], c[1], c[2], int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture),
                int.Parse(c[4], CultureInfo.InvariantCulture), int.Parse(c[5], CultureInfo.InvariantCulture),
                long.Parse(c[6], CultureInfo.InvariantCulture), total);
        }).ToList();
    });

    /// <summary>The path of a shipped SCALE-Sim topology.</summary>
    public static string Topology(string network) =>
        Path.Combine(ShippedFiles.FindFolder("workloads") ?? throw new InvalidOperationException("no workloads/ folder"), "scalesim", network + ".csv");

    /// <summary>The topology's convolution layers, by name, as AccelSim reads them.</summary>
    public static IReadOnlyDictionary<string, ProblemShape> Problems(string network) =>
        ScaleSimTopology.Load(Topology(network)).MacLayers.ToDictionary(l => l.Name, l => l.Problem!);

    /// <summary>
    /// SCALE-Sim's reported cycles (the index of its last cycle) for one layer, stall-free, from its source; the port of
    /// scripts/scalesim_expected_cycles.py: ofmap = ceil((ifmap − filter + stride) / stride) (topology_utils.py 209-210);
    /// Sr, Sc, T = pixels, filters, window (OS, systolic_compute_os.py 69-71) or window, filters, pixels (WS,
    /// systolic_compute_ws.py 67-69) or window, pixels, filters (IS, systolic_compute_is.py 69-71); folds
    /// ceil(Sr / rows) · ceil(Sc / cols) (os 75-76, ws 73-74, is 75-76); a fold T + rows + cols − 2, WS plus its arr_row
    /// weight-load prefix (ws line 181, create_ifmap_demand_mat), IS plus its arr_row load of the stationary ifmap
    /// (is lines 184 and 216: the fold's arr_row ifmap rows, then a suffix of arr_row + arr_col + T − 2); total =
    /// folds · fold − 1.
    /// </summary>
    public static long ReportedCycles(string dataflow, int rows, int cols, int h, int w, int r, int s, int c, int m, int stride)
    {
        long p = (h - r + stride + stride - 1) / stride, q = (w - s + stride + stride - 1) / stride;
        long pixels = p * q, window = (long)r * s * c;
        var (sr, sc, t) = dataflow switch
        {
            "os" => (pixels, (long)m, window),
            "is" => (window, pixels, (long)m),
            _ => (window, (long)m, pixels),
        };
        long folds = Ceil(sr, rows) * Ceil(sc, cols);
        long fold = t + rows + cols - 2 + (dataflow == "os" ? 0 : rows);
        return folds * fold - 1;
    }

    /// <summary>
    /// The shipped systolic array (systolic-32x32) as SCALE-Sim's stall-free compute report sees it, <paramref name="rows"/>
    /// × <paramref name="columns"/>: unbounded links, and unbounded buffers above the PEs (SCALE-Sim sizes its SRAMs
    /// apart from the mapping; their size changes its stalls, not its compute cycles).
    /// </summary>
    public static Accelerator Array(int rows, int columns)
    {
        var arch = SystolicArrays.ComputeOnly();
        return arch with
        {
            Levels = arch.Levels.Select((l, i) => l with
            {
                Storage = i == arch.Levels.Count - 1 ? l.Storage : l.Storage with { CapacityWords = null, PartitionWords = null, PartitionEnergy = null },
                Fanout = l.Fanout is null ? null : l.Fanout with { X = columns, Y = rows },
            }).ToList(),
        };
    }

    private static long Ceil(long a, long b) => (a + b - 1) / b;

    // A folder of the repository, found from the test's working directory upwards.
    private static string Folder(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"{relative} not found above {Directory.GetCurrentDirectory()}");
    }
}
