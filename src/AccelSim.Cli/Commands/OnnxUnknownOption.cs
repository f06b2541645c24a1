using System.CommandLine;
using AccelSim.Workloads;
using AccelSim.Workloads.Layers;
using AccelSim.Workloads.Onnx;

namespace AccelSim.Cli.Commands;

/// <summary>
/// --onnx-unknown (refuse or vector): what an ONNX import does with an operator AccelSim does not model. One recursive
/// option on the root, so every command that loads models (run, map, zoo, sweep, compare) takes it.
/// </summary>
internal static class OnnxUnknownOption
{
    public const string Name = "--onnx-unknown";

    public static Option<string> Create()
    {
        var option = new Option<string>(Name)
        {
            Description = "ONNX operators AccelSim does not model: refuse (stop the import) or vector (price as element-wise work)",
            DefaultValueFactory = _ => "refuse",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("refuse", "vector");
        return option;
    }

    public static OnnxUnknownOps Read(ParseResult parse) => parse.GetValue<string>(Name) == "vector" ? OnnxUnknownOps.Vector : OnnxUnknownOps.Refuse;

    /// <summary>Loads a model; operators priced as vector work are listed on <paramref name="notes"/>, one line each.</summary>
    public static ModelGraph Load(string nameOrPath, OnnxUnknownOps unknownOps, TextWriter notes)
    {
        var model = ModelLibrary.Load(nameOrPath, unknownOps);
        foreach (var layer in model.Definitions.OfType<ActivationLayer>().Where(a => a.Function.StartsWith("onnx:", StringComparison.Ordinal)))
            notes.WriteLine($"note: {nameOrPath}: node {layer.Name} ({layer.Function["onnx:".Length..]}) is priced as element-wise vector work");
        return model;
    }

    /// <summary>Loads a model with the command line's --onnx-unknown.</summary>
    public static ModelGraph Load(ParseResult parse, string nameOrPath) => Load(nameOrPath, Read(parse), parse.InvocationConfiguration.Error);
}
