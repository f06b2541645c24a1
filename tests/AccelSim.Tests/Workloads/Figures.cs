namespace AccelSim.Tests.Workloads;

/// <summary>Relative comparisons against published figures, with messages that show both numbers.</summary>
internal static class Figures
{
    public static void Within(double expected, double actual, double tolerance, string what)
    {
        double error = Math.Abs(actual - expected) / expected;
        Assert.True(error <= tolerance,
            $"{what}: ours {actual:N0} vs published {expected:N0} ({error:P2} off, allowed {tolerance:P0})");
    }

    /// <summary>The repository root (the folder with AccelSim.sln), found upwards from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AccelSim.sln"))) return dir.FullName;
        throw new InvalidOperationException("AccelSim.sln not found above " + AppContext.BaseDirectory);
    }
}
