using AccelSim.Reports;

namespace AccelSim.Tests.Plots;

/// <summary>The report's headline states the costs in human units and names the class a MAC count misleads about, with why.</summary>
public class HeadlineTests
{
    private const string Header = "layer,kind,macs,weights,cycles,stall_cycles,fill_drain_cycles,utilization,energy,energy_per_mac,energy_unit,dram_bytes,"
        + "energy_dram,energy_globalbuffer,energy_network,energy_mac,energy_vector,fused_into,layer_class\n";

    [Fact]
    public void NamesTheClassThatCostsMostBeyondItsMacsAndWhy()
    {
        // A dense conv with 90% of the MACs and an FC layer with 10% of the MACs but most energy (in DRAM) and latency.
        string csv = Header
            + "conv1,conv,900000,1000,1000,100,0,0.9,1000000,1.1,pJ,100,100000,700000,50000,150000,0,,dense conv\n"
            + "conv1_relu,activation,0,0,0,0,0,0,1000,0,pJ,0,0,0,0,0,1000,conv1,element-wise/vector\n"
            + "fc1,fullyconnected,100000,100000,9000,8000,0,0.011,9000000,90,pJ,200000,8500000,300000,100000,100000,0,,FC\n";
        string json = """{"model": "toy", "arch": "eyeriss", "batch": 1, "macs": 1000000, "energy": 10001000, "seconds": 0.002, "cycles": 10000, "utilization": 0.1, "peak_macs_per_cycle": 100}""";
        var folder = RunFolder.FromText("toy", csv, json, null);
        string html = System.Text.Encoding.UTF8.GetString(RunReport.Render(folder)[HtmlReport.FileName]);
        var headline = System.Xml.Linq.XDocument.Parse(html).Descendants().Single(e => (string?)e.Attribute("id") == "headline").Value;
        Assert.Contains("toy on eyeriss at batch 1: 10 µJ and 2 ms per inference", headline);
        // FC: 10 % of MACs, 9/10.001 of energy, 90 % of latency; its utilization and where its energy goes are the why.
        Assert.Contains("the 1 FC layers do 10 % of the MACs but take 89.99 % of the energy and 90 % of the latency", headline);
        Assert.Contains("they keep 1.1 % of the MAC units busy", headline);
        Assert.Contains("they spend 90 pJ/MAC against the model's 10 pJ/MAC, 94.44 % of it in dram", headline);
        // Divergence is symmetric: conv1 (90 % of MACs, 10 % of energy) departs as far as fc1; either may be named.
        Assert.Matches("The most divergent layer is (fc1 \\(FC\\)|conv1 \\(dense conv\\))", headline);
    }
}
