using System.Globalization;
using AccelSim.Plots.Figures;

namespace AccelSim.Reports;

/// <summary>
/// The report's headline in words: what ran, its energy and latency per inference in human units, and the sentence that
/// explains the largest divergence between MACs and cost: the layer class whose share of energy or latency exceeds its
/// share of MACs the most, and why (its utilization, its energy per MAC and where that energy goes), then the most
/// divergent single layer.
/// </summary>
internal static class ReportHeadline
{
    public static IReadOnlyList<string> Sentences(RunFolder folder, IReadOnlyList<LayerFigureData> layers, string unit)
    {
        var sentences = new List<string>();
        double batch = Math.Max(1, folder.SummaryNumber("batch", 1));
        double energy = folder.SummaryNumber("energy"), seconds = folder.SummaryNumber("seconds"), macs = folder.SummaryNumber("macs");
        sentences.Add($"{folder.SummaryText("model")} on {folder.SummaryText("arch")} at batch {batch.ToString(CultureInfo.InvariantCulture)}: "
            + $"{HumanUnits.Energy(energy / batch, unit)} and {HumanUnits.Time(seconds / batch)} per inference "
            + $"({HumanUnits.Digits(macs / batch / 1e9)} GMACs, {HumanUnits.Digits(100 * folder.SummaryNumber("utilization"))} % of the MAC units busy on average).");
        var folded = LayerSelection.FoldFused(layers);
        if (folded.Count == 0) return sentences;
        double totalMacs = folded.Sum(l => (double)l.Macs), totalEnergy = folded.Sum(l => l.EnergyPj), totalCycles = folded.Sum(l => (double)l.Cycles);
        var classes = LayerClassStyles.ByClass(folded).Select(g => (Rows: g.Count(), Sum: LayerSelection.Merge(g.Key, g.Key, g.Key, g.ToList()))).ToList();
        // The class that costs most beyond its MACs (energy or latency share minus MAC share): the one a MAC count misleads about.
        double Excess(LayerFigureData c) => Math.Max(Share(c.EnergyPj, totalEnergy), Share(c.Cycles, totalCycles)) - Share(c.Macs, totalMacs);
        var (rows, worst) = classes.MaxBy(c => Excess(c.Sum));
        double m = Share(worst.Macs, totalMacs), e = Share(worst.EnergyPj, totalEnergy), t = Share(worst.Cycles, totalCycles);
        string why = Why(worst, totalMacs > 0 ? totalEnergy / totalMacs : 0, unit, e > m, t > m);
        sentences.Add($"The largest divergence: the {rows} {worst.Layer} layers do {P(m)} of the MACs but take {P(e)} of the energy and {P(t)} of the latency{why}.");
        var d = LayerSelection.Divergence(folded);
        int top = Enumerable.Range(0, folded.Count).MaxBy(i => d[i]);
        var l = folded[top];
        sentences.Add($"The most divergent layer is {l.Layer} ({l.Class}): {P(Share(l.Macs, totalMacs))} of the MACs, {P(Share(l.EnergyPj, totalEnergy))} of the energy, "
            + $"{P(Share(l.Cycles, totalCycles))} of the latency, {HumanUnits.Digits(100 * l.Utilization)} % utilization.");
        return sentences;
    }

    // The reasons a class costs more than its MACs: idle MAC units for latency, energy per MAC and its largest part for energy.
    private static string Why(LayerFigureData c, double averagePerMac, string unit, bool energyHigh, bool latencyHigh)
    {
        var reasons = new List<string>();
        if (c.Macs == 0) return ": they do no MACs at all, so a MAC count gives them no cost";
        if (latencyHigh) reasons.Add($"they keep {HumanUnits.Digits(100 * c.Utilization)} % of the MAC units busy");
        if (energyHigh && c.EnergyByLevelPj.Count > 0)
        {
            var (level, part) = c.EnergyByLevelPj.MaxBy(kv => kv.Value);
            reasons.Add($"they spend {HumanUnits.PerMac(c.EnergyPj / c.Macs, unit)} against the model's {HumanUnits.PerMac(averagePerMac, unit)}, "
                + $"{P(Share(part, c.EnergyPj))} of it in {level}");
        }
        if (!energyHigh && !latencyHigh) reasons.Add("they cost less than their MACs suggest");
        return ": " + string.Join("; ", reasons);
    }

    private static double Share(double part, double total) => total > 0 ? 100 * part / total : 0;

    private static string P(double percent) => $"{HumanUnits.Digits(percent)} %";
}
