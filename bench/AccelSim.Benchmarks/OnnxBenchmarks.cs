using AccelSim.Workloads;
using AccelSim.Workloads.Onnx;
using AccelSim.Workloads.Zoo;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>ONNX import (parse, order, fuse patterns, translate, build the graph) and export of zoo models written as ONNX.</summary>
[MemoryDiagnoser]
public class OnnxBenchmarks
{
    private byte[] _resnet50 = [], _bert = [];
    private ModelGraph _resnet50Model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _resnet50Model = ModelZoo.Get("resnet50");
        _resnet50 = OnnxExporter.Write(_resnet50Model);
        _bert = OnnxExporter.Write(ModelZoo.Get("bert-base-encoder"));
    }

    [Benchmark]
    public int ImportResNet50() => OnnxImporter.Parse(_resnet50, "resnet50.onnx").Model.Layers.Count;

    [Benchmark]
    public int ImportBertEncoder() => OnnxImporter.Parse(_bert, "bert.onnx").Model.Layers.Count;

    [Benchmark]
    public int ExportResNet50() => OnnxExporter.Write(_resnet50Model).Length;
}
