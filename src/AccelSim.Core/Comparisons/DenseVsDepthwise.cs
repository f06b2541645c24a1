using System.Globalization;
using AccelSim.Architecture;
using AccelSim.Common;
using AccelSim.Pipeline;
using AccelSim.Plots;
using AccelSim.Plots.Figures;
using AccelSim.Sweeps;
using AccelSim.Workloads;
using AccelSim.Workloads.Layers;

namespace AccelSim.Comparisons;

/// <summary>One part of one configuration: "dense", "depthwise", "pointwise" or "separable" (depthwise + pointwise).</summary>
public sealed record LayerPartResult(int Channels, int Size, string Part, long Macs, double Energy, long Cycles, long MacUnits, long DramBytes)
{
    /// <summary>MACs over (cycles × MAC units), stalls included.</summary>
    public double Utilization => Cycles == 0 ? 0 : (double)Macs / ((double)Cycles * MacUnits);

    /// <summary>Energy per MAC.</summary>
    public double EnergyPerMac => Macs == 0 ? 0 : Energy / Macs;
}

/// <summary>
/// A standard 3x3 convolution (C → C, stride 1, pad 1) against its depthwise-separable replacement (depthwise 3x3, then
/// pointwise 1x1 C → C) at several channel counts and feature-map sizes. The separable block needs about 1/9 + 1/C of the MACs;
/// whether it saves that much energy and time depends on reuse, which the depthwise part mostly lacks.
/// </summary>
public static class DenseVsDepthwise
{
    /// <summary>Default channel counts.</summary>
    public static IReadOnlyList<int> DefaultChannels { get; } = [32, 64, 128, 256, 512];

    /// <summary>Default feature-map sizes (height = width).</summary>
    public static IReadOnlyList<int> DefaultSizes { get; } = [56, 28, 14, 7];

    /// <summary>The small model of one configuration: an input feeding the dense conv and the depthwise → pointwise pair.</summary>
    public static ModelGraph Graph(int channels, int size) => ModelGraph.Build($"dense-vs-depthwise-c{channels}-s{size}",
    [
        new InputLayer("input", new FeatureMap(channels, size, size)),
        new ConvLayer("dense", "input", channels, Window.Square(3, 1, 1)),
        new ConvLayer("depthwise", "input", channels, Window.Square(3, 1, 1), Groups: channels),
        new ConvLayer("pointwise", "depthwise", channels, Window.Square(1)),
    ]);

    /// <summary>Runs every configuration (in parallel, one per core); results by channels, then size, then part.</summary>
    public static IReadOnlyList<LayerPartResult> Run(Accelerator arch, ModelRunOptions options, IReadOnlyList<int>? channels = null,
        IReadOnlyList<int>? sizes = null, Action<int, int>? progress = null)
    {
        var configs = (from c in channels ?? DefaultChannels from s in sizes ?? DefaultSizes select (c, s)).ToArray();
        var results = new LayerPartResult[configs.Length][];
        var single = options with { Mapper = options.Mapper with { Threads = 1 } };
        int done = 0;
        try
        {
            Parallel.For(0, configs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var (c, s) = configs[i];
                var run = ModelRunner.Run(Graph(c, s), arch, single);
                LayerPartResult Part(string name, params string[] layers)
                {
                    var ls = run.Layers.Where(l => layers.Contains(l.Layer)).ToArray();
                    return new LayerPartResult(c, s, name, ls.Sum(l => l.Macs), ls.Sum(l => l.Energy), ls.Sum(l => l.Cycles), arch.MacUnits, ls.Sum(l => l.DramBytes));
                }
                results[i] = [Part("dense", "dense"), Part("depthwise", "depthwise"), Part("pointwise", "pointwise"), Part("separable", "depthwise", "pointwise")];
                progress?.Invoke(Interlocked.Increment(ref done), configs.Length);
            });
        }
        catch (AggregateException e) { ParallelErrors.Rethrow(e); }
        return results.SelectMany(r => r).ToArray();
    }

    /// <summary>compare-layers.csv: one row per configuration and part; energies in <paramref name="energyUnit"/>, named in every row.</summary>
    public static string Csv(IReadOnlyList<LayerPartResult> parts, string energyUnit)
    {
        var text = new System.Text.StringBuilder(SweepCsv.Line(["channels", "size", "part", "macs", "energy", "cycles", "utilization", "energy_per_mac",
            "energy_unit", "dram_bytes"]));
        foreach (var p in parts)
            text.Append(SweepCsv.Line([I(p.Channels), I(p.Size), p.Part, I(p.Macs), R(p.Energy), I(p.Cycles), R(p.Utilization), R(p.EnergyPerMac),
                energyUnit, I(p.DramBytes)]));
        return text.ToString();
    }

    /// <summary>Energy per MAC and utilization against channels (dense and separable/depthwise per size), and the separable/dense
    /// ratios of energy and latency against the MAC ratio.</summary>
    public static IReadOnlyList<Figure> Figures(IReadOnlyList<LayerPartResult> parts, Accelerator arch)
    {
        var sizes = parts.Select(p => p.Size).Distinct().ToArray();
        IReadOnlyList<PointSeries> By(string[] names, Func<LayerPartResult, double> y) =>
            (from name in names from s in sizes
             select new PointSeries($"{name} {s}x{s}", parts.Where(p => p.Part == name && p.Size == s).OrderBy(p => p.Channels)
                 .Select(p => new ChartPoint(p.Channels, y(p), $"{name} C={p.Channels} {s}x{s}")).ToArray())).ToArray();
        var channelAxis = new AxisSpec("channels C", null, AxisScale.Log);
        var ratios = (from d in parts where d.Part == "dense"
                      let sep = parts.First(p => p.Part == "separable" && p.Channels == d.Channels && p.Size == d.Size)
                      select (d, sep, mac: (double)sep.Macs / d.Macs)).ToArray();
        var ratioSeries = new[]
        {
            // Energy points are labelled with their channel count and feature-map size (latency points share their x).
            new PointSeries("energy ratio", ratios.Select(r => new ChartPoint(r.mac, r.sep.Energy / r.d.Energy, $"C={r.d.Channels} {r.d.Size}x{r.d.Size}") { Annotated = true }).ToArray()),
            new PointSeries("latency ratio", ratios.Select(r => new ChartPoint(r.mac, (double)r.sep.Cycles / r.d.Cycles, $"C={r.d.Channels} {r.d.Size}x{r.d.Size}")).ToArray()),
        };
        return
        [
            Figure.Draw("energy-per-mac-vs-channels", new LineChartSpec($"Energy per MAC: dense 3x3 against depthwise separable on {arch.Name}",
                channelAxis, new AxisSpec("energy per MAC", $"{arch.EnergyUnit}/MAC", AxisScale.Log), By(["dense", "separable"], p => p.EnergyPerMac))),
            Figure.Draw("utilization-vs-channels", new LineChartSpec($"Utilization (stalls included): dense 3x3 against depthwise 3x3 on {arch.Name}",
                channelAxis, new AxisSpec("utilization"), By(["dense", "depthwise"], p => p.Utilization))),
            Figure.Draw("ratios", new ScatterChartSpec($"Separable / dense: MAC ratio against energy and latency ratios on {arch.Name}",
                new AxisSpec("MAC ratio (separable / dense)", null, AxisScale.Log), new AxisSpec("ratio (separable / dense)", null, AxisScale.Log), ratioSeries,
                new ProportionalityLine(1, "ratio equal to the MAC ratio"))
            {
                Note = "Points above the line save less energy or time than MACs; one point per channel count and feature-map size.",
            }),
        ];
    }

    /// <summary>The study in words: where depthwise-separable saves least against its MAC savings, tied to channels and size.</summary>
    public static IReadOnlyList<string> Headline(IReadOnlyList<LayerPartResult> parts, Accelerator arch)
    {
        var pairs = (from d in parts where d.Part == "dense"
                     let sep = parts.FirstOrDefault(p => p.Part == "separable" && p.Channels == d.Channels && p.Size == d.Size)
                     where sep is not null && d.Macs > 0 && d.Energy > 0 && d.Cycles > 0
                     select (d, sep)).ToList();
        if (pairs.Count == 0) return [];
        var worst = pairs.MaxBy(p => (double)p.sep.Cycles / p.d.Cycles / ((double)p.sep.Macs / p.d.Macs));
        var worstEnergy = pairs.MaxBy(p => p.sep.Energy / p.d.Energy / ((double)p.sep.Macs / p.d.Macs));
        string At((LayerPartResult d, LayerPartResult sep) p) => $"C={p.d.Channels} at {p.d.Size}x{p.d.Size}";
        string Ratio(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
        return
        [
            $"Dense 3x3 against depthwise-separable convolutions on {arch.Name}, {pairs.Count} combinations of channel count and feature-map size.",
            $"Latency saves least at {At(worst)}: separable needs {Ratio((double)worst.sep.Macs / worst.d.Macs)}x the MACs of dense but {Ratio((double)worst.sep.Cycles / worst.d.Cycles)}x its cycles "
                + $"(depthwise keeps {Ratio(100 * parts.First(p => p.Part == "depthwise" && p.Channels == worst.d.Channels && p.Size == worst.d.Size).Utilization)} % of the MAC units busy).",
            $"Energy saves least at {At(worstEnergy)}: {Ratio((double)worstEnergy.sep.Macs / worstEnergy.d.Macs)}x the MACs, {Ratio(worstEnergy.sep.Energy / worstEnergy.d.Energy)}x the energy.",
        ];
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
