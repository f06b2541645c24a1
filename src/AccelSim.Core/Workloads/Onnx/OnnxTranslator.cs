namespace AccelSim.Workloads.Onnx;

/// <summary>Turns one ONNX node into AccelSim layers or relabelled views, recording its outputs in the context.</summary>
internal delegate void OnnxTranslator(OnnxNode node, OnnxImportContext context);
