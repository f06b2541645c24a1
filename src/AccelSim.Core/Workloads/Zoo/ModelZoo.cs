using System.Globalization;
using System.Text.RegularExpressions;
using AccelSim.Common;

namespace AccelSim.Workloads.Zoo;

/// <summary>
/// The named models. <see cref="Entries"/> lists the fixed names (the ones exported to workloads/); <see cref="Get"/> also
/// accepts the parameterised families "mobilenet-v1-{α}-{resolution}" and "bert-base-encoder-{sequence}".
/// </summary>
public static partial class ModelZoo
{
    /// <summary>Every listed model, in the order the CLI shows them.</summary>
    public static IReadOnlyList<ZooEntry> Entries { get; } =
    [
        new("lenet5", "LeNet-5 (LeCun 1998), 32x32 grey input, dense C3", LeNetModel.Create),
        new("alexnet", "AlexNet (Krizhevsky 2012), 227x227, two-group conv2/4/5, LRN", AlexNetModels.AlexNet),
        new("nin", "Network in Network (Lin 2014), ImageNet model as released for Caffe, no FC layer", NetworkInNetworkModel.Create),
        new("zfnet", "ZFNet (Zeiler & Fergus 2013), 7x7/2 stem, conv3-5 512/1024/512", AlexNetModels.ZfNet),
        new("overfeat-fast", "OverFeat fast model (Sermanet 2014), 231x231", OverFeatModel.Fast),
        new("vgg16", "VGG-16 (Simonyan & Zisserman 2014), configuration D", VggModels.Vgg16),
        new("vgg19", "VGG-19 (Simonyan & Zisserman 2014), configuration E", VggModels.Vgg19),
        new("googlenet", "GoogLeNet / Inception v1 (Szegedy 2014), no auxiliary heads", () => GoogLeNetModel.Create()),
        new("inception-v2", "Inception v2 / BN-Inception (Ioffe & Szegedy 2015), TF-slim's separable stem", () => InceptionV2Model.Create()),
        new("inception-v3", "Inception v3 (Szegedy 2015), 299x299, no auxiliary head", InceptionV3Model.Create),
        new("inception-v4", "Inception v4 (Szegedy 2016), 299x299, TF-slim", InceptionV4Models.InceptionV4),
        new("inception-resnet-v2", "Inception-ResNet v2 (Szegedy 2016), 299x299, TF-slim", InceptionV4Models.InceptionResNetV2),
        new("resnet18", "ResNet-18 (He 2015), basic blocks", ResNetModels.ResNet18),
        new("resnet34", "ResNet-34 (He 2015), basic blocks", ResNetModels.ResNet34),
        new("resnet50", "ResNet-50 (He 2015) as published: stride in the first 1x1 (torchvision's is resnet50-v1.5)", ResNetModels.ResNet50),
        new("resnet50-v1.5", "ResNet-50 v1.5 (torchvision): stride in the 3x3", ResNetModels.ResNet50V15),
        new("resnet101", "ResNet-101 (He 2015), original: stride in the first 1x1", ResNetModels.ResNet101),
        new("resnet152", "ResNet-152 (He 2015), original: stride in the first 1x1", ResNetModels.ResNet152),
        new("resnext50-32x4d", "ResNeXt-50 32x4d (Xie 2017)", ResNetModels.ResNeXt50),
        new("resnext101-64x4d", "ResNeXt-101 64x4d (Xie 2017) at 320x320", ResNetModels.ResNeXt101),
        new("wide-resnet50-2", "Wide ResNet-50-2 (Zagoruyko & Komodakis 2016)", ResNetModels.WideResNet50),
        new("se-resnet50", "SE-ResNet-50 (Hu 2018), reduction 16", ResNetModels.SeResNet50),
        new("squeezenet1.0", "SqueezeNet 1.0 (Iandola 2016)", SqueezeNetModels.SqueezeNet10),
        new("squeezenet1.1", "SqueezeNet 1.1 (SqueezeNet repository)", SqueezeNetModels.SqueezeNet11),
        new("mobilenet-v1", "MobileNet v1 1.0-224 (Howard 2017); mobilenet-v1-ALPHA-RES for others", () => MobileNetV1Model.Create()),
        new("mobilenet-v1-0.5-160", "MobileNet v1 0.5-160 (Howard 2017)", () => MobileNetV1Model.Create(0.5, 160)),
        new("mobilenet-v2", "MobileNetV2 1.0-224 (Sandler 2018)", MobileNetV2Model.Create),
        new("mobilenet-v3-large", "MobileNetV3-Large 1.0-224 (Howard 2019)", MobileNetV3Model.Create),
        new("shufflenet-v2-1.0", "ShuffleNet v2 1.0x (Ma 2018), split as channel slices", ShuffleNetV2Model.Create),
        new("shufflenet-v1-2.0-g3", "ShuffleNet v1 2x, 3 groups (Zhang 2018), megvii reference code", ShuffleNetV1Model.Create),
        new("nasnet-a-mobile", "NASNet-A Mobile, N = 4 (Zoph 2018), 4 @ 1056, Keras NASNetMobile", NasNetMobileModel.Create),
        new("xception", "Xception (Chollet 2017), 299x299", XceptionModel.Create),
        new("densenet121", "DenseNet-121 (Huang 2017), growth 32", DenseNetModel.Create),
        new("efficientnet-b0", "EfficientNet-B0 (Tan & Le 2019), MBConv + SE", EfficientNetModel.Create),
        new("bert-base-encoder", "One BERT-base encoder layer (Devlin 2019), 128 tokens; bert-base-encoder-SEQ for others",
            () => BertModel.Create()),
        new("bert-base-encoder-512", "One BERT-base encoder layer (Devlin 2019), 512 tokens", () => BertModel.Create(512)),
    ];

    /// <summary>The listed names.</summary>
    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>Builds a model by name (ignoring case, '_', '-' and '.'); throws <see cref="InputException"/> with the nearest names.</summary>
    public static ModelGraph Get(string name)
    {
        if (TryGet(name, out var entry)) return entry.Create();
        var nearest = ZooNames.Nearest(name, Names);
        string hint = nearest.Count > 0 ? $"did you mean {string.Join(", ", nearest)}?" : "see 'accelsim zoo' for the list";
        throw new InputException($"--model: unknown model '{name}': {hint} (also mobilenet-v1-ALPHA-RES, bert-base-encoder-SEQ, or a workload file)");
    }

    /// <summary>True when <paramref name="name"/> is a model the zoo knows (listed or parameterised).</summary>
    public static bool Contains(string name) => TryGet(name, out _);

    /// <summary>Finds a listed entry or builds the entry of a parameterised name.</summary>
    public static bool TryGet(string name, out ZooEntry entry)
    {
        string key = name.Trim().ToLowerInvariant().Replace('_', '-');
        string normalized = ZooNames.Normalize(name);
        entry = Entries.FirstOrDefault(e => ZooNames.Normalize(e.Name) == normalized)!;
        if (entry is not null) return true;
        var mobile = MobileNetName().Match(key);
        if (mobile.Success
            && double.TryParse(mobile.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double alpha)
            && int.TryParse(mobile.Groups[2].Value, CultureInfo.InvariantCulture, out int resolution))
        {
            entry = new(MobileNetV1Model.NameOf(alpha, resolution), $"MobileNet v1 {alpha}-{resolution}",
                () => MobileNetV1Model.Create(alpha, resolution));
            return true;
        }
        var bert = BertName().Match(key);
        if (bert.Success && int.TryParse(bert.Groups[1].Value, CultureInfo.InvariantCulture, out int sequence))
        {
            entry = new(BertModel.NameOf(sequence), $"One BERT-base encoder layer, {sequence} tokens", () => BertModel.Create(sequence));
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^mobilenet-v1-(\d+(?:\.\d+)?)-(\d+)$")]
    private static partial Regex MobileNetName();

    [GeneratedRegex(@"^bert-base-encoder-(\d+)$")]
    private static partial Regex BertName();
}
