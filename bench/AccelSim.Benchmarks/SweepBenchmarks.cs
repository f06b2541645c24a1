using AccelSim.Architecture;
using AccelSim.Pipeline;
using AccelSim.Sweeps;
using AccelSim.Workloads.Zoo;
using BenchmarkDotNet.Attributes;

namespace AccelSim.Benchmarks;

/// <summary>
/// A 10-point array-size sweep of ResNet-50 on eyeriss through <see cref="SweepRunner"/> (points in parallel on all cores,
/// one single-threaded mapper per point), writing sweep.csv into a fresh folder each iteration so nothing is resumed.
/// Target ≤ 60 s (docs/benchmarks.md).
/// </summary>
public class SweepBenchmarks
{
    private SweepPlan _plan = null!;
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        var arch = ArchitectureLibrary.Load("eyeriss");
        _plan = new SweepPlan([ModelZoo.Get("resnet50")], arch,
            [SweepKeys.Parse("array=4x4,6x6,8x8,10x10,12x14,16x16,20x20,24x24,28x28,32x32", arch)], new ModelRunOptions());
    }

    [IterationSetup]
    public void FreshFolder() => _folder = Path.Combine(Path.GetTempPath(), "accelsim-bench-sweep", Guid.NewGuid().ToString("N"));

    [IterationCleanup]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public int ResNet50ArraySweep10Points() => SweepRunner.Run(_plan, _folder, SweepShard.All).Computed;
}
