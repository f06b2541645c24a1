namespace AccelSim.Plots.Figures;

/// <summary>
/// Deterministic made-up layer results for tests, benchmarks and sample reports: convolutions, depthwise and
/// pointwise layers, pooling (no MACs) and a classifier, with energy and latency deliberately not proportional to MACs.
/// Lives in Core (internal) so the test and benchmark projects share one generator.
/// </summary>
internal static class SyntheticLayers
{
    public static RooflineData Roofline { get; } = new(PeakMacsPerCycle: 168, DramWordsPerCycle: 4);

    public static IReadOnlyList<LayerFigureData> Generate(int count, int seed = 7)
    {
        var random = new Random(seed);
        var layers = new List<LayerFigureData>(count);
        for (int i = 0; i < count; i++)
        {
            string kind = i == count - 1 ? "fc" : (i % 9) switch { 0 or 3 or 6 => "conv", 1 or 4 => "depthwise", 2 or 5 or 7 => "pointwise", _ => "pool" };
            int stage = i * 5 / Math.Max(count, 1) + 1;
            string name = kind == "fc" ? "classifier.fc" : $"stage{stage}.block{i}.{kind}";
            long macs = kind switch
            {
                "pool" => 0,
                "depthwise" => (long)(random.NextDouble() * 4e6 + 5e5),
                "fc" => 1_281_000,
                _ => (long)(random.NextDouble() * 2e8 + 1e7),
            };
            // Energy per MAC: depthwise and fc layers reuse little and pay for it in DRAM traffic.
            double perMac = kind switch { "depthwise" => 12 + 10 * random.NextDouble(), "fc" => 40, "pointwise" => 3 + random.NextDouble(), _ => 2 + random.NextDouble() };
            double energy = kind == "pool" ? 2e6 + 1e6 * random.NextDouble() : macs * perMac;
            double dram = energy * (kind is "depthwise" or "fc" or "pool" ? 0.7 : 0.35);
            double mac = macs * 1.0;
            double noc = energy * 0.05;
            double buffer = Math.Max(0, energy - dram - mac - noc) * 0.6;
            double spad = Math.Max(0, energy - dram - mac - noc - buffer);
            var byLevel = new Dictionary<string, double> { ["DRAM"] = dram, ["GlobalBuffer"] = buffer, ["NoC"] = noc, ["Spad"] = spad, ["MAC"] = mac };
            double storage = energy - mac - noc;
            var byTensor = new Dictionary<string, double> { ["weights"] = storage * 0.45, ["inputs"] = storage * 0.35, ["outputs"] = storage * 0.2 };
            double utilization = kind switch { "depthwise" => 0.05 + 0.1 * random.NextDouble(), "fc" => 0.02, "pool" => 0, _ => 0.5 + 0.45 * random.NextDouble() };
            long cycles = kind == "pool" ? 20_000 + random.Next(20_000) : (long)Math.Ceiling(macs / (168 * utilization));
            double dramWords = dram / 200;
            double intensity = dramWords > 0 ? macs / dramWords : 0;
            string layerClass = kind switch
            {
                "conv" => FigureLayerClass.Dense,
                "depthwise" => FigureLayerClass.Depthwise,
                "pointwise" => FigureLayerClass.Pointwise,
                "fc" => FigureLayerClass.FullyConnected,
                _ => FigureLayerClass.Vector,
            };
            // A fifth of the cycles stalled, a tenth spent on fill/drain (whole numbers, within the layer's cycles).
            long stalls = cycles / 5, fillDrain = cycles / 10;
            layers.Add(new LayerFigureData(name, kind, macs, energy, cycles, utilization, byLevel, byTensor, intensity, cycles > 0 ? (double)macs / cycles : 0)
            {
                Class = layerClass,
                StallCycles = stalls,
                // Two thirds of the stalls waiting on DRAM weights, the rest on buffer inputs (whole cycles summing to them).
                StallSources = stalls == 0 ? [] : [("DRAM/weights", stalls * 2 / 3), ("GlobalBuffer/inputs", stalls - stalls * 2 / 3)],
                FillDrainCycles = fillDrain,
                // Every other pooling layer stands in for an activation fused into the layer before it.
                FusedInto = kind == "pool" && i % 18 == 8 ? layers[^1].Layer : null,
            });
        }
        return layers;
    }
}
