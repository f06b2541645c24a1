namespace AccelSim.Workloads.Zoo;

/// <summary>
/// Network in Network (Lin et al., ICLR 2014), the ImageNet model its authors released for Caffe (NIN-Imagenet, Model Zoo):
/// four "mlpconv" blocks, each a spatial conv followed by two 1x1 convs (the "cccp" layers, the micro-network's FC layers
/// applied at every pixel), with no FC layer at all: the last 1x1 conv emits the 1000 class maps and a 6x6 average pool
/// reads them out. 224x224 input, Caffe's ceil-mode pools.
/// </summary>
public static class NetworkInNetworkModel
{
    /// <summary>Builds NIN-Imagenet.</summary>
    public static ModelGraph Create()
    {
        var b = new ModelBuilder("nin");
        b.Input(3, 224, 224);
        MlpConv(b, "conv1", 96, 11, s: 4, p: 0, ["cccp1", "cccp2"]).MaxPool("pool1", 3, 2, ceil: true);
        MlpConv(b, "conv2", 256, 5, s: 1, p: 2, ["cccp3", "cccp4"]).MaxPool("pool2", 3, 2, ceil: true);
        MlpConv(b, "conv3", 384, 3, s: 1, p: 1, ["cccp5", "cccp6"]).MaxPool("pool3", 3, 2, ceil: true);
        b.Conv("conv4-1024", 1024, 3, p: 1, act: true).Conv("cccp7-1024", 1024, 1, act: true).Conv("cccp8-1024", 1000, 1, act: true);
        return b.AvgPool("pool4", 6, 1).Build();
    }

    // A spatial conv, then two 1x1 convs of the same width, each followed by ReLU.
    private static ModelBuilder MlpConv(ModelBuilder b, string name, int width, int k, int s, int p, string[] pointwise)
    {
        b.Conv(name, width, k, s: s, p: p, act: true);
        foreach (string cccp in pointwise) b.Conv(cccp, width, 1, act: true);
        return b;
    }
}
