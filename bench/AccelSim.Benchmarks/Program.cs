using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/AccelSim.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point holder for the benchmark switcher.</summary>
public partial class Program;
