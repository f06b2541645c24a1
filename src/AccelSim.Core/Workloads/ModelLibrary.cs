using AccelSim.Workloads.Onnx;
using AccelSim.Workloads.ScaleSim;
using AccelSim.Workloads.Timeloop;
using AccelSim.Workloads.Yaml;
using AccelSim.Workloads.Zoo;

namespace AccelSim.Workloads;

/// <summary>Resolves what a user passes as --model: a workload YAML file, an ONNX file, a Timeloop problem, a SCALE-Sim
/// topology CSV, or a zoo name.</summary>
public static class ModelLibrary
{
    /// <summary>Loads a model by zoo name or file path; throws an InputException naming the problem otherwise.
    /// <paramref name="onnxUnknown"/> says what an ONNX import does with an operator AccelSim does not model.</summary>
    public static ModelGraph Load(string nameOrPath, OnnxUnknownOps onnxUnknown = OnnxUnknownOps.Refuse)
    {
        if (nameOrPath.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) return OnnxImporter.Load(nameOrPath, onnxUnknown).Model;
        if (ScaleSimTopology.Recognizes(nameOrPath)) return ScaleSimTopology.Load(nameOrPath);
        // Timeloop conv2D problems: "timeloop:PATH", or a file whose top level is problem:, or a folder of them.
        if (nameOrPath.StartsWith("timeloop:", StringComparison.Ordinal)) return TimeloopProblem.Load(nameOrPath["timeloop:".Length..]);
        if (TimeloopProblem.Recognizes(nameOrPath)) return TimeloopProblem.Load(nameOrPath);
        bool looksLikeFile = nameOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || nameOrPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || nameOrPath.Contains('/') || nameOrPath.Contains('\\');
        if (looksLikeFile || (File.Exists(nameOrPath) && !ModelZoo.Contains(nameOrPath))) return WorkloadYaml.Load(nameOrPath);
        return ModelZoo.Get(nameOrPath);
    }
}
