namespace AccelSim.Workloads.Onnx;

/// <summary>An imported model and what the import did that the user should know (folds, vector-priced operators).</summary>
public sealed record OnnxImport(ModelGraph Model, IReadOnlyList<string> Notes);
