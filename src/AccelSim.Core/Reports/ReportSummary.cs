namespace AccelSim.Reports;

/// <summary>
/// The report's summary block in words and human units (energy per inference in nJ-mJ, latency in µs-ms, 4 significant
/// digits) instead of a raw key/value dump; the exact values stay in summary.json.
/// </summary>
internal static class ReportSummary
{
    public static List<KeyValuePair<string, string>> Lines(RunFolder folder, string unit)
    {
        var lines = new List<KeyValuePair<string, string>>();
        void Add(string label, string value) { if (value.Length > 0) lines.Add(new(label, value)); }
        double batch = Math.Max(1, folder.SummaryNumber("batch", 1));
        double energy = folder.SummaryNumber("energy"), seconds = folder.SummaryNumber("seconds");
        double macs = folder.SummaryNumber("macs"), cycles = folder.SummaryNumber("cycles");
        Add("model", folder.SummaryText("model"));
        Add("architecture", folder.SummaryText("arch"));
        Add("dataflow", folder.SummaryText("dataflow"));
        Add("batch", folder.SummaryText("batch"));
        Add("MACs", $"{HumanUnits.Digits(macs / 1e6)} M");
        Add("weights", $"{HumanUnits.Digits(folder.SummaryNumber("weights") / 1e6)} M");
        Add("energy per inference", HumanUnits.Energy(energy / batch, unit));
        Add("energy per MAC", macs > 0 ? HumanUnits.PerMac(energy / macs, unit) : "");
        Add("latency per batch", HumanUnits.Time(seconds));
        Add("cycles", cycles.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        if (cycles > 0)
        {
            double stalls = folder.SummaryNumber("stall_cycles"), fillDrain = folder.SummaryNumber("fill_drain_cycles");
            Add("stalls", $"{HumanUnits.Digits(100 * stalls / cycles)} % of cycles");
            if (fillDrain > 0) Add("systolic fill/drain", $"{HumanUnits.Digits(100 * fillDrain / cycles)} % of cycles");
        }
        Add("utilization", $"{HumanUnits.Digits(100 * folder.SummaryNumber("utilization"))} %");
        Add("DRAM traffic", $"{HumanUnits.Digits(folder.SummaryNumber("dram_bytes") / 1e6)} MB");
        Add("energy table", folder.SummaryText("energy_table"));
        Add("energy unit", unit);
        Add("tool version", folder.SummaryText("tool_version"));
        Add("command", folder.SummaryText("command_line"));
        return lines;
    }
}
