namespace AccelSim.Workloads.Zoo;

/// <summary>
/// LeNet-5 (LeCun et al., Proc. IEEE 1998) as a modern dense network: 32x32 input, C3 fully connected to S2's six maps
/// (the paper's partial connection table cannot be expressed as one conv), subsampling as average pooling, C5 and F6 as
/// fully connected layers and the RBF output as a 10-way FC. <see cref="ConnectionCounts"/> gives the paper's own counts.
/// </summary>
public static class LeNetModel
{
    /// <summary>Builds LeNet-5.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("lenet5") { Activation = "tanh" };
        b.Input(1, 32, 32)
            .Conv("c1", 6, 5, p: 0, act: true).AvgPool("s2", 2, 2)
            .Conv("c3", 16, 5, p: 0, act: true).AvgPool("s4", 2, 2)
            .Fc("c5", 120, act: true).Fc("f6", 84, act: true).Fc("output", 10);
        return b.Build();
    }

    // LeCun's Table I: which S2 maps feed each C3 map (6 maps read 3, 9 read 4, 1 reads all 6: 60 in total).
    private static readonly int[] C3InputsPerMap = [3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6];

    /// <summary>
    /// The paper's convention: trainable parameters and connections per layer, biases and the subsampling layers'
    /// coefficient and bias included, C3 with its partial connection table, the RBF output as connections without
    /// trainable parameters. Lecture tables that quote "60k weights, 341k MACs" use these counts.
    /// </summary>
    public static IReadOnlyList<(string Layer, long Parameters, long Connections)> ConnectionCounts()
    {
        long c1Params = 6 * (5 * 5 + 1);
        long s2Params = 6 * 2;                       // one coefficient and one bias per map
        long c3Params = C3InputsPerMap.Sum() * 25L + 16;
        long s4Params = 16 * 2;
        long c5Params = 120 * (16 * 5 * 5 + 1);
        long f6Params = 84 * (120 + 1);
        return
        [
            ("c1", c1Params, c1Params * 28 * 28),
            ("s2", s2Params, 6 * 14 * 14 * (2 * 2 + 1)),
            ("c3", c3Params, c3Params * 10 * 10),
            ("s4", s4Params, 16 * 5 * 5 * (2 * 2 + 1)),
            ("c5", c5Params, c5Params),
            ("f6", f6Params, f6Params),
            ("output", 0, 84 * 10),
        ];
    }
}
