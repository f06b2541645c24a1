namespace AccelSim.Workloads.Zoo;

/// <summary>AlexNet (Krizhevsky et al., NIPS 2012) and ZFNet (Zeiler and Fergus, ECCV 2014), the two ILSVRC-era 8-layer nets.</summary>
public static class AlexNetModels
{
    /// <summary>
    /// AlexNet as in the paper and Caffe's bvlc_alexnet: 227x227 input, the two-GPU split kept as groups=2 on conv2, conv4
    /// and conv5, local response normalisation after conv1 and conv2 (5 channels wide), overlapping 3x3/2 max pools.
    /// </summary>
    public static ModelGraph AlexNet()
    {
        var b = new ModelBuilder("alexnet");
        b.Input(3, 227, 227)
            .Conv("conv1", 96, 11, s: 4, p: 0, act: true).Act("norm1", "lrn", 5).MaxPool("pool1", 3, 2)
            .Conv("conv2", 256, 5, g: 2, act: true).Act("norm2", "lrn", 5).MaxPool("pool2", 3, 2)
            .Conv("conv3", 384, 3, act: true)
            .Conv("conv4", 384, 3, g: 2, act: true)
            .Conv("conv5", 256, 3, g: 2, act: true).MaxPool("pool5", 3, 2)
            .Fc("fc6", 4096, act: true).Fc("fc7", 4096, act: true).Fc("fc8", 1000);
        return b.Build();
    }

    /// <summary>
    /// ZFNet as trained for ImageNet (the "bigger AlexNet" of the lecture seeds: conv1 7x7/2, conv3-5 with 512, 1024 and
    /// 512 filters, no grouping), 224x224 input, conv2 with stride 2 and ceil-mode pools as in the paper's Fig. 3.
    /// </summary>
    public static ModelGraph ZfNet()
    {
        var b = new ModelBuilder("zfnet");
        b.Input(3, 224, 224)
            .Conv("conv1", 96, 7, s: 2, p: 1, act: true).Act("norm1", "lrn", 5).MaxPool("pool1", 3, 2, ceil: true)
            .Conv("conv2", 256, 5, s: 2, p: 0, act: true).Act("norm2", "lrn", 5).MaxPool("pool2", 3, 2, ceil: true)
            .Conv("conv3", 512, 3, act: true)
            .Conv("conv4", 1024, 3, act: true)
            .Conv("conv5", 512, 3, act: true).MaxPool("pool5", 3, 2)
            .Fc("fc6", 4096, act: true).Fc("fc7", 4096, act: true).Fc("fc8", 1000);
        return b.Build();
    }
}
