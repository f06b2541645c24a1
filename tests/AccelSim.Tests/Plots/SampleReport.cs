using System.Globalization;
using AccelSim.Plots;
using AccelSim.Plots.Figures;
using AccelSim.Reports;

namespace AccelSim.Tests.Plots;

/// <summary>A report built from synthetic layers, the way `accelsim run` will build one from real results.</summary>
internal static class SampleReport
{
    public static ReportContent Build(IReadOnlyList<LayerFigureData> layers, string modelName)
    {
        var options = new FigureOptions(modelName);
        var figures = ModelFigures.All(layers, SyntheticLayers.Roofline, options);
        static string N(double v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
        return new ReportContent(
            $"AccelSim report: {modelName} on eyeriss",
            [
                new("model", modelName),
                new("architecture", "eyeriss (168 PEs, 200 MHz)"),
                new("layers", layers.Count.ToString(CultureInfo.InvariantCulture)),
                new("total MACs", N(layers.Sum(l => (double)l.Macs))),
                new("total energy", N(layers.Sum(l => l.EnergyPj)) + " pJ"),
                new("total cycles", N(layers.Sum(l => (double)l.Cycles))),
            ],
            new ReportTable(
                ["layer", "kind", "MACs", "energy (pJ)", "cycles", "utilization", "pJ/MAC"],
                layers.Select(l => (IReadOnlyList<string>)
                [
                    l.Layer, l.Kind, N(l.Macs), N(l.EnergyPj), N(l.Cycles), NumberText.Percent(l.Utilization * 100),
                    l.Macs > 0 ? N(l.EnergyPj / l.Macs) : "–",
                ]).ToArray()),
            figures,
            layers.Select(l => new LayerMappingText(l.Layer,
                $"DRAM      for k in [0:4)\nGLB       for c in [0:8) for p in [0:14)\nSpad      for r in [0:3) for s in [0:3)\n  spatial: k × 14, c × 12   <- {l.Kind}")).ToArray());
    }
}
